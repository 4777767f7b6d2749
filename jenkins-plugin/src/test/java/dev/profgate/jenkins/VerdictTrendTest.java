package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job's history of real reports: order, verdict counts, and which functions regress most often. */
class VerdictTrendTest {
    @Test
    void buildsAreOrderedAndCountedByVerdict() throws IOException {
        VerdictTrend trend = new VerdictTrend(List.of(build(7, Verdict.FAIL), build(5, Verdict.PASS),
                build(6, Verdict.WARN), build(8, Verdict.FAIL)));

        assertEquals(List.of(5, 6, 7, 8), trend.builds().stream().map(BuildReport::number).toList());
        assertEquals(Map.of(Verdict.PASS, 1, Verdict.WARN, 1, Verdict.FAIL, 2), trend.counts());
        assertEquals(8, trend.latest().number());
    }

    @Test
    void theDemosRegexRegressionIsRankedFirstAcrossTheBuildsItRegressedIn() throws IOException {
        VerdictTrend trend = new VerdictTrend(List.of(build(1, Verdict.PASS), build(2, Verdict.WARN),
                build(3, Verdict.FAIL)));

        RegressionTrend top = trend.topRegressions(3).get(0);
        assertEquals("java.util.regex.Pattern.compile", top.function());
        assertEquals(2, top.builds());
        assertEquals(3, top.latestBuild());
        Finding latest = RealReports.summary(Verdict.FAIL).topRegressions(1).get(0);
        assertEquals(latest.delta(), top.latestDelta());
    }

    @Test
    void regressionsInMoreBuildsRankBeforeLargerOnesInFewer() {
        VerdictTrend trend = new VerdictTrend(List.of(
                new BuildReport(1, summary(regression("Small.often", 0.01), regression("Big.once", 0.30))),
                new BuildReport(2, summary(regression("Small.often", 0.02), improvement("Faster.now"))),
                new BuildReport(3, summary(regression("Mid.once", 0.10)))));

        assertEquals(List.of("Small.often", "Big.once", "Mid.once"),
                trend.topRegressions(5).stream().map(RegressionTrend::function).toList());
        RegressionTrend often = trend.topRegressions(1).get(0);
        assertEquals(new RegressionTrend("Small.often", 2, 2, 0.02, 0.02), often);
        assertEquals(2, trend.topRegressions(2).size());
    }

    @Test
    void anEmptyHistoryHasNoLatestBuild() {
        VerdictTrend trend = new VerdictTrend(List.of());
        assertNull(trend.latest());
        assertEquals(List.of(), trend.topRegressions(5));
        assertEquals(Map.of(Verdict.PASS, 0, Verdict.WARN, 0, Verdict.FAIL, 0), trend.counts());
    }

    static BuildReport build(int number, Verdict verdict) throws IOException {
        return new BuildReport(number, RealReports.summary(verdict));
    }

    static ReportSummary summary(Finding... findings) {
        boolean regressed = List.of(findings).stream().anyMatch(Finding::isRegression);
        return new ReportSummary(regressed ? Verdict.FAIL : Verdict.PASS, "cpu", List.of(findings));
    }

    static Finding regression(String function, double delta) {
        return new Finding(function, "regression", Verdict.FAIL, delta, 1e-6, null, 0, List.of());
    }

    static Finding improvement(String function) {
        return new Finding(function, "improvement", Verdict.PASS, -0.05, 1e-6, null, 0, List.of());
    }
}
