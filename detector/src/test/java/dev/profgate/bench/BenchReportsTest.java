package dev.profgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Interval;
import dev.profgate.analysis.SourceRef;
import dev.profgate.analysis.Verdict;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.model.EnvironmentMismatch;
import dev.profgate.report.Comparisons;
import dev.profgate.report.RepoLines;
import dev.profgate.report.ReportFormat;
import dev.profgate.report.SarifSchema;
import dev.profgate.report.XmlDocuments;
import dev.profgate.rules.RuleHit;
import dev.profgate.source.RepoFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The bench reports: benchmark table, findings with cost per operation and rules, escaping of hostile names. */
class BenchReportsTest {
    private static final ScoreComparison SLOWER = new ScoreComparison(ScoreComparison.SCORE, "ns/op", List.of(3010.0, 2990.0, 3050.0, 3000.0),
            List.of(4020.0, 4060.0, 3990.0, 4100.0), 3005, 4040, 1.34, new Interval(1.31, 1.37), true, 0.021, 0.021,
            true, Verdict.FAIL);
    private static final ScoreComparison CPU = new ScoreComparison(ScoreComparison.CPU, "ns/op",
            List.of(2010.0, 1990.0, 2050.0, 2000.0), List.of(2920.0, 2960.0, 2890.0, 3000.0), 2005, 2940, 1.47,
            new Interval(1.43, 1.5), true, 0.021, 0.021, true, Verdict.FAIL);
    private static final ScoreComparison SAME = new ScoreComparison(ScoreComparison.SCORE, "ops/s", List.of(10.0, 11.0), List.of(10.5, 10.4),
            10.5, 10.45, 0.99, new Interval(0.9, 1.1), false, 0.69, 0.69, false, Verdict.PASS);
    private static final RuleHit RULE = new RuleHit("java-regex-compile-per-call", "Regular expression compiled on "
            + "every call", "Compile the Pattern once.", "https://example.invalid/regex", "regexp.MustCompile",
            "payments.validate", new SourceRef("payments.go", 30), 0.24);

    @Test
    void jsonHasEveryBenchmarkAndEveryFindingWithItsCostPerOperationAndRules() throws Exception {
        BenchReport report = report(Comparisons.regexPerCall(), "a.b.PaymentBenchmarks.handle");
        JsonNode json = new ObjectMapper().readTree(BenchJsonReport.render(report));
        assertEquals("bench", json.get("mode").asText());
        assertEquals("fail", json.get("verdict").asText());
        JsonNode benchmark = json.get("benchmarks").get(0);
        assertEquals("a.b.PaymentBenchmarks.handle", benchmark.get("benchmark").asText());
        assertEquals(1.34, benchmark.get("ratio").asDouble());
        assertEquals(0.34, benchmark.get("slowdown").asDouble(), 1e-12);
        assertEquals(1.31, benchmark.at("/ci/low").asDouble());
        assertEquals(4, benchmark.at("/head/forks").size());
        assertEquals(1.47, benchmark.at("/cpu/ratio").asDouble());
        assertEquals(2940, benchmark.at("/cpu/head/median").asDouble());
        assertEquals("fail", benchmark.at("/cpu/verdict").asText());
        assertEquals("cpu", benchmark.at("/profiles/0/profileType").asText());
        assertEquals("ns/op", benchmark.at("/profiles/0/perOpUnit").asText());
        JsonNode regex = json.get("findings").get(0);
        Finding finding = Comparisons.regexPerCall().findings().get(0);
        assertEquals(finding.function(), regex.get("function").asText());
        assertEquals("a.b.PaymentBenchmarks.handle", regex.get("benchmark").asText());
        assertEquals(finding.head() * 4040, regex.at("/perOp/head").asDouble(), 1e-9);
        assertEquals(finding.base() * 3005, regex.at("/perOp/base").asDouble(), 1e-9);
        assertEquals("java-regex-compile-per-call", regex.at("/rules/0/id").asText());
        assertEquals(0, json.get("findings").get(1).get("rules").size());
        assertEquals(Comparisons.regexPerCall().findings().size(), json.get("findings").size());
    }

    @Test
    void textShowsTheBenchmarkTableWithChangeAndIntervalOrTilde() {
        BenchOutcome outcome = new BenchOutcome(List.of(result("a.b.C.slow", SLOWER, Comparisons.regexPerCall()),
                new BenchmarkResult("a.b.C.same:size=10", SAME, null, List.of(), List.of("time: not compared"))),
                Verdict.FAIL, BenchPolicy.defaults(), List.of("method note"), List.of());
        String text = BenchTextReport.render(new BenchReport(outcome, run(), RuleCatalogLoader.builtIn(), Map.of()));
        assertTrue(text.contains("FAIL  1 of 2 benchmarks slower, 3 function findings"), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("C.slow") && l.contains("score") && l.contains("3,005 ns/op")
                && l.contains("4,040 ns/op") && l.contains("+34.0% (+31.0% … +37.0%)") && l.endsWith("fail")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("C.slow") && l.contains("cpu time")
                && l.contains("2,005 ns/op") && l.contains("+47.0% (+43.0% … +50.0%)") && l.endsWith("fail")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("C.same:size=10") && l.contains("10.5 ops/s")
                && l.contains("  ~  ") && l.endsWith("pass")), text);
        assertTrue(text.contains("C.slow · cpu (6 vs 6 forks): FAIL"), text);
        assertTrue(text.contains("0.00 → 974 ns/op"), text);
        assertTrue(text.contains("note: C.same:size=10: time: not compared"), text);
    }

    @Test
    void markdownEscapesHostileBenchmarkAndFunctionNames() {
        for (String name : Comparisons.HOSTILE) {
            BenchReport report = report(Comparisons.hostile(), "x." + name + ".run");
            String markdown = BenchMarkdownReport.render(report, "bench");
            assertTrue(markdown.startsWith("<!-- profgate:gate=bench -->\n"), markdown);
            String body = markdown.substring(markdown.indexOf('\n') + 1);
            assertFalse(body.contains("<img") || body.contains("<script") || body.contains("</pre></details><b>")
                    || body.contains("\u001b") || body.contains("@octocat"), body);
            List<String> rows = body.lines().filter(l -> l.startsWith("| ") && l.contains("3,005 ns/op")).toList();
            assertEquals(1, rows.size(), body);
            String row = rows.get(0);
            assertEquals(BenchLabels.COMMENT_SCORE_HEADER.length + 1, row.split("\\|", -1).length - 1, row);
        }
    }

    @Test
    void environmentMismatchesRaiseThePassToWarnAndAreShown() throws Exception {
        EnvironmentMismatch jvm = new EnvironmentMismatch("JVM", "17.0.15", "21.0.2");
        BenchOutcome outcome = new BenchOutcome(List.of(new BenchmarkResult("a.B.run", SAME, null, List.of(), List.of())),
                Verdict.PASS, BenchPolicy.defaults(), List.of(), List.of()).with(List.of("extra"), List.of(jvm));
        assertEquals(Verdict.WARN, outcome.verdict());
        BenchReport report = new BenchReport(outcome, run(), RuleCatalogLoader.builtIn(), Map.of());
        assertTrue(BenchTextReport.render(report).contains("  JVM: 17.0.15 (base) vs 21.0.2 (head)\n"));
        JsonNode json = new ObjectMapper().readTree(BenchJsonReport.render(report));
        assertEquals("21.0.2", json.at("/environmentMismatches/0/head").asText());
        assertEquals("extra", json.at("/notes/0").asText());
    }

    @Test
    void junitHasASuitePerBenchmarkWithACasePerMetricAndFinding() throws Exception {
        BenchOutcome outcome = new BenchOutcome(List.of(result("a.b.C.slow", SLOWER, Comparisons.regexPerCall()),
                new BenchmarkResult("a.b.C.same", SAME, null, List.of(), List.of())), Verdict.FAIL,
                BenchPolicy.defaults(), List.of(), List.of());
        Finding regex = Comparisons.regexPerCall().findings().get(0);
        BenchReport report = new BenchReport(outcome, run(), RuleCatalogLoader.builtIn(), Map.of(regex, List.of(RULE)));
        Document xml = XmlDocuments.parse(BenchJUnitReport.render(report, "bench"));

        List<Element> suites = XmlDocuments.elements(xml, "testsuite");
        assertEquals(List.of("profgate.bench.a.b.C.slow", "profgate.bench.a.b.C.same"),
                suites.stream().map(s -> s.getAttribute("name")).toList());
        List<Element> slow = XmlDocuments.elements(xml, "testcase").stream()
                .filter(c -> c.getAttribute("classname").equals("profgate.bench.a.b.C.slow")).toList();
        int findings = Comparisons.regexPerCall().findings().size();
        assertEquals(2 + findings, slow.size(), "score, cpu time, one per finding");
        assertEquals(List.of("score", "cpu time"), slow.stream().limit(2).map(c -> c.getAttribute("name")).toList());
        Element failure = (Element) slow.get(1).getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("cpu time 2,005 ns/op → 2,940 ns/op: +47.0%"),
                failure.getAttribute("message"));
        assertEquals(regex.function() + " (total, cpu)", slow.get(2).getAttribute("name"));
        assertTrue(slow.get(2).getTextContent().contains("rule java-regex-compile-per-call"), slow.get(2)
                .getTextContent());
        long failed = slow.stream().filter(c -> c.getElementsByTagName("failure").getLength() == 1).count();
        assertEquals(Integer.toString((int) failed), suites.get(0).getAttribute("failures"));
        assertEquals("0", suites.get(1).getAttribute("failures"));
        assertEquals(Integer.toString(2 + findings + 1), xml.getDocumentElement().getAttribute("tests"));
    }

    @Test
    void sarifIsValidAndLocatesTheRuleHitsOfEveryBenchmark() throws Exception {
        Finding regex = Comparisons.regexPerCall().findings().get(0);
        BenchOutcome outcome = new BenchOutcome(List.of(result("a.b.C.slow", SLOWER, Comparisons.regexPerCall()),
                result("a.b.C.other", SAME, Comparisons.hostile())), Verdict.FAIL, BenchPolicy.defaults(), List.of(),
                List.of());
        BenchReport report = new BenchReport(outcome, run(), RuleCatalogLoader.builtIn(), Map.of(regex, List.of(RULE)),
                new RepoLines(RepoFiles.listing(List.of("svc/payments.go"))));
        String sarif = BenchReportFiles.render(ReportFormat.SARIF, report, "bench");
        assertEquals(List.of(), SarifSchema.errors(sarif));
        JsonNode run = new ObjectMapper().readTree(sarif).at("/runs/0");
        assertEquals("fail", run.at("/properties/verdict").asText());
        List<String> rules = new java.util.ArrayList<>();
        run.get("results").forEach(r -> rules.add(r.get("ruleId").asText()));
        assertTrue(rules.contains("java-regex-compile-per-call"), rules.toString());
        assertEquals(1 + Comparisons.HOSTILE.size() + 1, rules.size(), "the rule hit, each hostile regression, "
                + "the new function of the first benchmark: " + rules);
        assertEquals("svc/payments.go", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void markdownListsTheAdviceOfEachRuleOnce() {
        String markdown = BenchMarkdownReport.render(report(Comparisons.regexPerCall(), "a.B.run"), "bench");
        assertEquals(1, markdown.lines().filter(l -> l.startsWith("- **Regular expression compiled on every call**"))
                .count(), markdown);
        assertTrue(markdown.contains("<code>payments.validate</code> at <code>payments.go:30</code>): Compile the Pattern "
                + "once. [why](https://example.invalid/regex)\n"), markdown);
    }

    private static BenchReport report(Comparison comparison, String benchmark) {
        BenchOutcome outcome = new BenchOutcome(List.of(result(benchmark, SLOWER, comparison)), Verdict.FAIL,
                BenchPolicy.defaults(), List.of(), List.of());
        Finding first = comparison.findings().get(0);
        return new BenchReport(outcome, run(), RuleCatalogLoader.builtIn(), Map.of(first, List.of(RULE, RULE)));
    }

    private static BenchmarkResult result(String benchmark, ScoreComparison score, Comparison comparison) {
        return new BenchmarkResult(benchmark, score, CPU, List.of(new ProfileComparison(comparison, "ns/op", 3005, 4040)),
                List.of());
    }

    private static BenchRunInfo run() {
        return new BenchRunInfo("base.jar", "head.jar", "4 forks a side");
    }
}
