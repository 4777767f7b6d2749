package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json as the engine writes it, read back: verdicts, counts, the demo's regex culprit, bad folders. */
class ReportSummaryTest {
    private static final Pattern HEADLINE = Pattern.compile("(?m)^(PASS|WARN|FAIL)\\s+(.*)$");

    @TempDir
    Path temp;

    @Test
    void eachVerdictAndItsCountsMatchTheTextReportOfTheSameRun() throws IOException {
        for (Verdict verdict : Verdict.values()) {
            Path folder = RealReports.folder(verdict);
            ReportSummary summary = ReportSummary.read(folder);

            Matcher headline = HEADLINE.matcher(Files.readString(folder.resolve("report.txt")));
            assertTrue(headline.find(), "report.txt has a verdict line");
            assertEquals(verdict.name(), headline.group(1));
            assertEquals(verdict, summary.verdict());
            assertEquals("cpu", summary.profileType());
            assertEquals(count(headline.group(2), "regression"), summary.regressions(), headline.group(2));
            assertEquals(count(headline.group(2), "improvement"), summary.improvements(), headline.group(2));
        }
    }

    @Test
    void theDemosRegexCompiledPerCallIsTheTopRegressionWithItsRule() throws IOException {
        ReportSummary summary = ReportSummary.read(RealReports.folder(Verdict.FAIL));

        Finding top = summary.topRegressions(1).get(0);
        assertEquals("java.util.regex.Pattern.compile", top.function());
        assertEquals(Verdict.FAIL, top.severity());
        assertTrue(top.rules().contains("java-regex-compile-per-call"), top.rules().toString());
        assertTrue(top.delta() > 0.05, "the regex costs more than 5% of the head's CPU: " + top.delta());
        assertTrue(top.qValue() < 0.05);
        assertEquals("java/util/regex/Pattern.java", top.file());
        assertTrue(top.line() > 0);
        assertEquals(1, summary.withSeverity(Verdict.FAIL));
        Map<String, Object> map = summary.toMap();
        assertEquals("fail", map.get("verdict"));
        assertEquals(summary.findings().size(), map.get("findings"));
        assertEquals(1, map.get("failing"));
    }

    @Test
    void findingsAreWrittenForPagesInPercentagePoints() {
        Finding finding = new Finding("f", "regression", Verdict.FAIL, 0.2531, 2.96e-13, "a/B.java", 12, List.of());
        assertEquals("+25.31 pp", finding.deltaText());
        assertEquals("3.0e-13", finding.qValueText());
        assertEquals("a/B.java:12", finding.sourceText());
        Finding unknown = new Finding("g", "shift", Verdict.PASS, Double.NaN, 0.0123, null, 0, List.of());
        assertEquals("-", unknown.deltaText());
        assertEquals("0.012", unknown.qValueText());
        assertEquals("", unknown.sourceText());
        assertEquals("-0.50 pp", new RegressionTrend("h", 1, 1, -0.005, -0.005).maxDeltaText());
    }

    @Test
    void aPassingRunHasNoRegressions() throws IOException {
        ReportSummary summary = ReportSummary.read(RealReports.folder(Verdict.PASS));

        assertEquals(0, summary.regressions());
        assertEquals(List.of(), summary.topRegressions(5));
    }

    @Test
    void missingMalformedAndForeignReportsAreOneLineErrorsNamingTheFile() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertEquals(empty.resolve("report.json") + ": not found; give the folder profgate wrote with --out",
                assertThrows(BadReportException.class, () -> ReportSummary.read(empty)).getMessage());

        String broken = assertThrows(BadReportException.class,
                () -> ReportSummary.parse("{\"verdict\": ", "r.json")).getMessage();
        assertTrue(broken.startsWith("r.json: is not valid JSON: "), broken);
        assertEquals(1, broken.lines().count());

        assertEquals("r.json: is not a profgate report.json (no verdict)", assertThrows(BadReportException.class,
                () -> ReportSummary.parse("[1, 2]", "r.json")).getMessage());
        assertEquals("r.json: verdict 'maybe' is not pass, warn or fail", assertThrows(BadReportException.class,
                () -> ReportSummary.parse("{\"verdict\": \"maybe\"}", "r.json")).getMessage());
    }

    /** The number before {@code word} in a headline like "1 regression, 3 improvements", 0 when absent. */
    private static long count(String headline, String word) {
        Matcher m = Pattern.compile("(\\d+) " + word).matcher(headline);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
