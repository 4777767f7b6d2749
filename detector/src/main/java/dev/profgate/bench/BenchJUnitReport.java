package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Names;
import dev.profgate.report.Formats;
import dev.profgate.report.JUnitReport;
import dev.profgate.report.ReportData;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junit.xml} of a bench run: one suite per benchmark, one case per compared metric (score, CPU time per
 * operation) and one per function finding of each profile type, laid out as {@link JUnitReport} lays out a comparison.
 */
final class BenchJUnitReport {
    private BenchJUnitReport() {
    }

    /** The XML document of a bench run under gate {@code gate}, ending in a newline. */
    static String render(BenchReport report, String gate) {
        List<JUnitReport.Suite> suites = new ArrayList<>();
        for (BenchmarkResult result : report.outcome().benchmarks()) {
            String suite = "profgate." + Names.printable(gate) + "." + Names.printable(result.benchmark());
            List<String> cases = new ArrayList<>();
            int failures = 0;
            for (ScoreComparison score : result.scores()) {
                cases.add(scoreCase(score, suite));
                failures += score.verdict() == Verdict.FAIL ? 1 : 0;
            }
            for (ProfileComparison profile : result.profiles()) {
                ReportData data = new ReportData(profile.comparison(), gate, report.catalog(), report.rules());
                for (Finding finding : profile.comparison().findings()) {
                    cases.add(JUnitReport.findingCase(data, finding,
                            ", " + Names.printable(profile.comparison().profileType()), suite));
                    failures += finding.severity() == Verdict.FAIL ? 1 : 0;
                }
            }
            String properties = "    <properties>\n" + JUnitReport.property("verdict", result.verdict().label())
                    + "    </properties>\n";
            suites.add(new JUnitReport.Suite(suite, cases, failures, properties));
        }
        return JUnitReport.document(suites);
    }

    /** A metric of a benchmark: fails when its verdict does; the message gives medians, change and q. */
    private static String scoreCase(ScoreComparison score, String suite) {
        String change = score.significant() ? BenchLabels.change(score) : "~ (no significant change)";
        String message = score.metric() + " " + BenchLabels.score(score.baseMedian(), score.unit()) + " → "
                + BenchLabels.score(score.headMedian(), score.unit()) + ": " + change + ", q "
                + Formats.probability(score.qValue());
        List<String> lines = List.of(message, "p " + Formats.probability(score.pValue()) + ", "
                + score.base().size() + " vs " + score.head().size() + " forks, verdict " + score.verdict().label());
        return JUnitReport.testCase(suite, score.metric(), score.verdict() == Verdict.FAIL, message, "benchmark",
                lines, List.of());
    }
}
