package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.report.SarifSchema;
import dev.profgate.report.XmlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code junit.xml} and {@code report.sarif} written by {@code compare --out} from real profiles; they and
 * {@code report.json} name the version and commit of the build ({@link VersionOptionTest}).
 */
class CiOutputsTest {
    /** Frame names that try to break out of XML, HTML, Markdown, JSON and SARIF message text. */
    static final List<String> HOSTILE = List.of("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>",
            "a`b``c```d", "x|y||z", "@octocat please look", "]]><!-- [link](1) \\[x\\]", "bell\u0007nul\u0000end",
            "\u001b[31mred", "line1\nline2\r\n| --- |", "\u202Eevil", "&lt;entity&gt; & \"q\" 'a' {0}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void goRegexPairFailsInJUnitAndIsARuleResultAtTheCallingLineInSarif() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("compare", "--base", CompareCommandTest.V1, "--head", CompareCommandTest.V2,
                "--out", out.toString(), "--gate", "payments/cpu");
        assertEquals(1, run.exit(), run.err());
        Document junit = XmlDocuments.parse(Files.readString(out.resolve("junit.xml")));
        Element suite = XmlDocuments.elements(junit, "testsuite").get(0);
        assertEquals("profgate.payments/cpu", suite.getAttribute("name"));
        List<Element> failures = XmlDocuments.elements(junit, "failure");
        assertEquals(String.valueOf(failures.size()), suite.getAttribute("failures"));
        assertTrue(failures.stream().anyMatch(f -> f.getAttribute("message").matches(
                "\\+\\d+\\.\\d pp total share \\(95% CI .*\\), q .*: regexp\\.\\w+ ← .*payments\\.validate — .*")),
                Files.readString(out.resolve("junit.xml")));

        String sarif = Files.readString(out.resolve("report.sarif"));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        JsonNode driver = JSON.readTree(sarif).at("/runs/0/tool/driver");
        assertEquals(VersionOptionTest.pomVersion(), driver.get("semanticVersion").textValue());
        assertEquals(VersionOptionTest.head(), driver.at("/properties/commit").textValue());
        JsonNode result = JSON.readTree(sarif).get("runs").get(0).get("results").get(0);
        assertEquals("go-regexp-compile-per-call", result.get("ruleId").textValue());
        assertEquals("error", result.get("level").textValue());
        JsonNode location = result.get("locations").get(0);
        assertTrue(location.at("/physicalLocation").isMissingNode(), "payments/payments.go is no file of the repository "
                + "this test runs in, so the result is placed by function only: " + result);
        assertEquals("payments.validate", location.at("/logicalLocations/0/fullyQualifiedName").textValue());

        JsonNode report = JSON.readTree(Files.readString(out.resolve("report.json")));
        assertEquals(List.of("profgate", VersionOptionTest.pomVersion(), VersionOptionTest.head()),
                List.of(report.at("/tool/name").textValue(), report.at("/tool/version").textValue(),
                        report.at("/tool/commit").textValue()));
        JsonNode rule = report.at("/findings/0/rules/0");
        assertEquals("go-regexp-compile-per-call", rule.get("id").textValue());
        assertEquals("payments.validate", rule.get("caller").textValue());
        assertEquals("payments/payments.go", rule.at("/source/file").textValue());
        assertTrue(rule.get("advice").textValue().length() > 20, rule.toString());
    }

    @Test
    void theCiFormatsPrintWhatTheyWrite() throws Exception {
        for (String format : List.of("junit", "sarif")) {
            Path out = tmp.resolve(format);
            CliRun run = CliRun.of("compare", "--base", CompareCommandTest.V1, "--head", CompareCommandTest.V2,
                    "--out", out.toString(), "--format", format);
            assertEquals(1, run.exit(), run.err());
            String file = format.equals("junit") ? "junit.xml" : "report.sarif";
            assertEquals(Files.readString(out.resolve(file)), run.out());
        }
    }

    @Test
    void hostileFrameNamesAreInertTextInJUnitAndSarif() throws Exception {
        StackProfiles base = new StackProfiles();
        StackProfiles head = new StackProfiles();
        for (int i = 0; i < 20; i++) {
            base.add(300, StackProfiles.frames("main", "app.step" + i));
            head.add(300, StackProfiles.frames("main", "app.step" + i));
        }
        for (String name : HOSTILE) {
            head.add(200, StackProfiles.frames("main", name));
        }
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("compare", "--base", base.write(tmp.resolve("base")).toString(),
                "--head", head.write(tmp.resolve("head")).toString(), "--out", out.toString());
        assertEquals(1, run.exit(), run.err());

        Document junit = XmlDocuments.parse(Files.readString(out.resolve("junit.xml")));
        assertTrue(List.of("testsuites", "testsuite", "properties", "property", "testcase", "failure", "system-out")
                .containsAll(XmlDocuments.tagNames(junit)), XmlDocuments.tagNames(junit).toString());
        List<String> cases = XmlDocuments.elements(junit, "testcase").stream().map(c -> c.getAttribute("name"))
                .toList();
        List<String> messages = XmlDocuments.elements(junit, "failure").stream().map(f -> f.getAttribute("message"))
                .toList();
        for (String name : HOSTILE) {
            assertTrue(cases.contains(shown(name) + " (total)"), shown(name) + " in " + cases);
            assertTrue(messages.stream().anyMatch(m -> m.contains(": " + shown(name))), name);
        }

        String sarif = Files.readString(out.resolve("report.sarif"));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        List<String> functions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode result : JSON.readTree(sarif).at("/runs/0/results")) {
            JsonNode location = result.at("/locations/0");
            functions.add(location.at("/logicalLocations/0/fullyQualifiedName").textValue());
            assertTrue(location.at("/physicalLocation").isMissingNode(), "no repository file: " + result);
            texts.add(unescapeSarif(result.at("/message/text").textValue()));
        }
        for (String name : HOSTILE) {
            assertTrue(functions.contains(shown(name)), shown(name) + " in " + functions);
            assertTrue(texts.stream().anyMatch(t -> t.contains(": " + shown(name))), name);
        }
    }

    /** How a report shows a name: control and format characters (bidi overrides included) as U+FFFD. */
    static String shown(String name) {
        return name.replaceAll("[\\p{Cc}\\p{Cf}]", "\uFFFD");
    }

    /** SARIF message text as a reader sees it: {@code \[}, {@code \]} and {@code \\} stand for the character. */
    private static String unescapeSarif(String text) {
        return text.replaceAll("\\\\([\\[\\]\\\\])", "$1");
    }
}
