package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Names;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.rules.Rule;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.source.RepoFiles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RuleCatalog CATALOG = RuleCatalogLoader.builtIn();
    private static final RepoLines REPO = new RepoLines(RepoFiles.listing(List.of("app/payments/payments.go",
            "app/payments/README.md")));

    @Test
    void validatesAgainstTheSarifSchemaAndTheCheckCanFail() throws Exception {
        String sarif = SarifReport.render(Comparisons.regexWithHit());
        assertEquals(List.of(), SarifSchema.errors(sarif));
        ObjectNode broken = (ObjectNode) JSON.readTree(sarif);
        broken.put("version", "2.0.0");
        ((ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
        assertEquals(2, SarifSchema.errors(JSON.writeValueAsString(broken)).size(),
                SarifSchema.errors(JSON.writeValueAsString(broken)).toString());
    }

    @Test
    void driverNamesTheToolAndCarriesTheGenericRuleAndTheWholeCatalog() throws Exception {
        JsonNode driver = JSON.readTree(SarifReport.render(Comparisons.regexWithHit())).at("/runs/0/tool/driver");
        assertEquals("profgate", driver.get("name").textValue());
        assertTrue(driver.get("semanticVersion").textValue().matches("\\d+\\.\\d+\\.\\d+(-[\\w.]+)?"),
                driver.toString());
        assertTrue(URI.create(driver.get("informationUri").textValue()).isAbsolute());
        JsonNode rules = driver.get("rules");
        assertEquals(CATALOG.rules().size() + 1, rules.size());
        assertEquals(SarifRules.REGRESSION, rules.get(0).get("id").textValue());
        for (int i = 0; i < CATALOG.rules().size(); i++) {
            Rule rule = CATALOG.rules().get(i);
            JsonNode descriptor = rules.get(i + 1);
            assertEquals(rule.id(), descriptor.get("id").textValue());
            assertTrue(descriptor.get("name").textValue().matches("[A-Z][A-Za-z0-9]+"), descriptor.toString());
            assertEquals(rule.title(), descriptor.at("/shortDescription/text").textValue());
            assertTrue(descriptor.at("/fullDescription/text").textValue().contains(rule.frames().globs().get(0)));
            assertEquals(rule.advice(), descriptor.at("/help/text").textValue());
            assertEquals(rule.link(), descriptor.get("helpUri").textValue());
            assertTrue(descriptor.at("/properties/tags").toString().contains("\"" + rule.languages().get(0).label()
                    + "\""));
        }
    }

    @Test
    void ruleHitIsLocatedAtTheCallerAndUnexplainedRegressionsUseTheGenericRule() throws Exception {
        JsonNode log = JSON.readTree(SarifReport.render(Comparisons.regexWithHit().withRepo(REPO)));
        assertTrue(log.at("/runs/0/originalUriBaseIds/%SRCROOT%/description/text").isTextual(), log.toString());
        JsonNode results = log.at("/runs/0/results");
        assertEquals(2, results.size(), results.toString());
        JsonNode hit = results.get(0);
        assertEquals("go-regexp-compile-per-call", hit.get("ruleId").textValue());
        assertEquals("error", hit.get("level").textValue());
        assertEquals("app/payments/payments.go", hit.at("/locations/0/physicalLocation/artifactLocation/uri")
                .textValue());
        assertEquals("%SRCROOT%", hit.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").textValue());
        assertEquals(30, hit.at("/locations/0/physicalLocation/region/startLine").intValue());
        assertEquals("payments.validate", hit.at("/locations/0/logicalLocations/0/fullyQualifiedName").textValue());
        String text = hit.at("/message/text").textValue();
        assertTrue(text.contains("+24.1 pp total share (95% CI +22.1 … +26.1), q 2e-31"), text);
        assertTrue(text.contains(CATALOG.rule("go-regexp-compile-per-call").advice()), text);

        JsonNode generic = results.get(1);
        assertEquals(SarifRules.REGRESSION, generic.get("ruleId").textValue());
        assertEquals("warning", generic.get("level").textValue());
        assertEquals("app/payments/payments.go", generic.at("/locations/0/physicalLocation/artifactLocation/uri")
                .textValue());
        assertEquals(38, generic.at("/locations/0/physicalLocation/region/startLine").intValue());
        assertTrue(generic.at("/message/text").textValue().contains(
                "Call path: main → payments.HandlePayment → payments.parse → encoding/json.Valid"));
    }

    @Test
    void aFrameOutsideTheRepositoryIsLocatedByFunctionOnly() throws Exception {
        JsonNode results = JSON.readTree(SarifReport.render(Comparisons.regexWithHit().withRepo(
                new RepoLines(RepoFiles.listing(List.of("other/main.go")))))).at("/runs/0/results");
        for (JsonNode result : results) {
            assertFalse(result.at("/locations/0").has("physicalLocation"), result.toString());
            assertTrue(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").isTextual());
        }
    }

    @Test
    void aFindingWithoutSourceFileIsLocatedByFunctionOnly() throws Exception {
        Finding unlocated = Comparisons.finding("runtime.mallocgc", FindingKind.REGRESSION, 0.1, 0.2, "", 0,
                List.of("main", "runtime.mallocgc"), Verdict.FAIL);
        String sarif = SarifReport.render(data(unlocated));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        JsonNode location = JSON.readTree(sarif).at("/runs/0/results/0/locations/0");
        assertFalse(location.has("physicalLocation"), location.toString());
        assertEquals("runtime.mallocgc", location.at("/logicalLocations/0/fullyQualifiedName").textValue());
    }

    @Test
    void fingerprintsIgnoreNumbersAndLinesButNotNames() throws Exception {
        Finding first = Comparisons.finding("app.slow", FindingKind.REGRESSION, 0.1, 0.2, "app.go", 10,
                List.of("main", "app.slow"), Verdict.FAIL);
        Finding rerun = Comparisons.finding("app.slow", FindingKind.NEW, 0.0, 0.35, "app.go", 12,
                List.of("main", "other", "app.slow"), Verdict.WARN);
        Finding other = Comparisons.finding("app.slower", FindingKind.REGRESSION, 0.1, 0.2, "app.go", 10,
                List.of("main", "app.slower"), Verdict.FAIL);
        assertEquals(fingerprint(first), fingerprint(rerun));
        assertNotEquals(fingerprint(first), fingerprint(other));
        assertTrue(fingerprint(first).matches("[0-9a-f]{64}"));
    }

    @Test
    void hostileNamesStayTextAndFileNamesBecomeUriReferences() throws Exception {
        List<String> paths = Comparisons.HOSTILE.stream().map(name -> "src/" + Comparisons.fileName(name)).toList();
        String sarif = SarifReport.render(Comparisons.data(Comparisons.hostile(), "cpu")
                .withRepo(new RepoLines(RepoFiles.listing(paths))));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        List<String> functions = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (JsonNode result : JSON.readTree(sarif).at("/runs/0/results")) {
            functions.add(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").textValue());
            String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").textValue();
            files.add(URI.create(uri).getPath());
        }
        for (String name : Comparisons.HOSTILE) {
            assertTrue(functions.contains(Names.printable(name)), name);
            assertTrue(files.contains("src/" + Comparisons.fileName(name)), name);
        }
    }

    @Test
    void messageTextEscapesWhatSarifReadsAsEmbeddedLinks() {
        assertEquals("see \\[docs\\](1) and a\\\\b", SarifReport.messageText("see [docs](1) and a\\b"));
    }

    private static ReportData data(Finding finding) {
        Comparison c = Comparisons.regexPerCall();
        return Comparisons.data(new Comparison(c.profileType(), c.base(), c.head(), finding.severity(),
                List.of(finding), c.tree(), c.minimumDetectableEffect(), c.functionsTested(), c.fdr(), c.notes()), "cpu");
    }

    private static String fingerprint(Finding finding) throws Exception {
        return JSON.readTree(SarifReport.render(data(finding)))
                .at("/runs/0/results/0/partialFingerprints/" + SarifReport.FINGERPRINT.replace("/", "~1")).textValue();
    }
}
