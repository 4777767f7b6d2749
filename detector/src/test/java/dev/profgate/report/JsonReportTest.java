package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.DiffNode;
import dev.profgate.analysis.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void hasEveryFieldOfTheContractInAFixedOrder() throws Exception {
        JsonNode json = MAPPER.readTree(JsonReport.render(Comparisons.regexPerCall()));
        assertEquals(List.of("schemaVersion", "tool", "verdict", "profileType", "base", "head", "findings", "mde",
                "functionsTested", "fdr", "notes", "environmentMismatches", "tree", "links"), names(json));
        assertEquals(1, json.get("schemaVersion").intValue());
        assertEquals("fail", json.get("verdict").textValue());
        assertEquals("cpu", json.get("profileType").textValue());
        assertEquals(6, json.get("base").get("replicates").intValue());
        assertEquals(20910, json.get("head").get("samples").longValue());
        assertEquals(0.006, json.get("mde").doubleValue());
        assertEquals(412, json.get("functionsTested").intValue());
        assertEquals(0.05, json.get("fdr").doubleValue());
        assertEquals(Comparisons.regexPerCall().notes().get(0), json.get("notes").get(0).textValue());
    }

    @Test
    void findingsCarryTheTestedNumbersAndNullForNaN() throws Exception {
        Finding expected = Comparisons.regexPerCall().findings().get(0);
        JsonNode f = MAPPER.readTree(JsonReport.render(Comparisons.regexPerCall())).get("findings").get(0);
        assertEquals(List.of("function", "kind", "metric", "severity", "base", "head", "delta", "ci", "effect",
                "pValue", "qValue", "welchP", "mannWhitneyP", "source", "callPath", "rules"), names(f));
        assertEquals(expected.effect().change(), f.at("/effect/change").doubleValue());
        assertEquals(expected.effect().ci().low(), f.at("/effect/ci/low").doubleValue());
        assertTrue(f.at("/effect/ratio").isNull(), "a new function's infinite ratio is written as null");
        assertEquals(expected.function(), f.get("function").textValue());
        assertEquals("regression", f.get("kind").textValue());
        assertEquals("total", f.get("metric").textValue());
        assertEquals(expected.head(), f.get("head").doubleValue());
        assertEquals(expected.delta(), f.get("delta").doubleValue());
        assertEquals(expected.ci().low(), f.get("ci").get("low").doubleValue());
        assertEquals(expected.ci().high(), f.get("ci").get("high").doubleValue());
        assertEquals(expected.qValue(), f.get("qValue").doubleValue());
        assertEquals(expected.welchP(), f.get("welchP").doubleValue());
        assertTrue(f.get("mannWhitneyP").isNull(), "NaN is written as null");
        assertEquals(expected.source().file(), f.get("source").get("file").textValue());
        assertEquals(30, f.get("source").get("line").intValue());
        assertEquals(expected.callPath(), texts(f.get("callPath")));
        assertTrue(f.get("rules").isArray() && f.get("rules").isEmpty());
        JsonNode unknownSource = MAPPER.readTree(JsonReport.render(Comparisons.regexPerCall()))
                .get("findings").get(2).get("source");
        assertTrue(unknownSource.get("file").isNull() && unknownSource.get("line").isNull());
    }

    @Test
    void treeIsAPreorderListWithParentIndices() throws Exception {
        JsonNode tree = MAPPER.readTree(JsonReport.render(Comparisons.regexPerCall())).get("tree");
        List<String> drawn = new ArrayList<>();
        for (JsonNode node : tree) {
            String parent = node.get("parent").intValue() < 0 ? "" : tree.get(node.get("parent").intValue())
                    .get("function").textValue();
            drawn.add(parent + ">" + node.get("function").textValue() + (node.get("culprit").booleanValue() ? "!" : ""));
        }
        assertEquals(List.of(">main", "main>payments.HandlePayment", "payments.HandlePayment>payments.validate",
                "payments.validate>regexp.MustCompile!", "payments.HandlePayment>payments.parse",
                "payments.HandlePayment>payments.render"), drawn);
    }

    @Test
    void hostileNamesRoundTrip() throws Exception {
        JsonNode findings = MAPPER.readTree(JsonReport.render(Comparisons.hostile())).get("findings");
        for (int i = 0; i < Comparisons.HOSTILE.size(); i++) {
            assertEquals(Comparisons.HOSTILE.get(i), findings.get(i).get("function").textValue());
        }
    }

    @Test
    void sameComparisonGivesTheSameBytes() {
        assertEquals(JsonReport.render(Comparisons.regexPerCall()), JsonReport.render(Comparisons.regexPerCall()));
        assertTrue(JsonReport.render(Comparisons.clean()).endsWith("}\n"));
    }

    @Test
    void aHundredThousandFrameTreeIsWrittenFlat() throws Exception {
        DiffNode node = Comparisons.node("leaf", 0, 0.1, true, true);
        for (int i = 0; i < 100_000; i++) {
            node = Comparisons.node("f" + i, 0.5, 0.6, true, false, node);
        }
        Comparison clean = Comparisons.clean();
        Comparison deep = new Comparison("cpu", clean.base(), clean.head(), clean.verdict(), List.of(), node, 0.01, 1,
                0.05, List.of());
        JsonNode tree = MAPPER.readTree(JsonReport.render(deep)).get("tree");
        assertEquals(100_001, tree.size());
        assertEquals(99_999, tree.get(100_000).get("parent").intValue());
        assertEquals("leaf", tree.get(100_000).get("function").textValue());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.textValue()));
        return values;
    }
}
