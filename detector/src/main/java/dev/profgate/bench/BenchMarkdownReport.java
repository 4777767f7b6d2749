package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.report.FindingRows;
import dev.profgate.report.Markdown;
import dev.profgate.report.MarkdownReport;
import java.util.Arrays;
import java.util.List;

/**
 * The pull-request comment of a bench run: the gate's hidden marker, the verdict heading, the benchmark table, then
 * per benchmark and profile type with findings the findings table (with cost per operation) and the differential
 * call tree. Every name from a jar or profile is escaped with {@link Markdown}.
 */
public final class BenchMarkdownReport {
    private BenchMarkdownReport() {
    }

    /** The comment for {@code outcome} under gate {@code gate}. */
    public static String render(BenchReport report, String gate) {
        BenchOutcome outcome = report.outcome();
        BenchRunInfo run = report.run();
        StringBuilder out = new StringBuilder();
        out.append(MarkdownReport.marker(gate)).append('\n');
        out.append("### ").append(MarkdownReport.icon(outcome.verdict())).append(" profgate bench ")
                .append(Markdown.text(BenchLabels.summary(outcome))).append("\n\n");
        out.append("Base ").append(Markdown.code(run.base())).append(", head ").append(Markdown.code(run.head()))
                .append(": ").append(Markdown.text(run.settings())).append(".\n\n");
        MarkdownReport.appendEnvironment(out, outcome.environmentMismatches());
        out.append(MarkdownReport.tableRow(List.of(BenchLabels.SCORE_HEADER))).append('\n')
                .append("|---".repeat(BenchLabels.SCORE_HEADER.length)).append("|\n");
        outcome.benchmarks().forEach(b -> BenchLabels.scoreRows(b).forEach(row -> out.append(MarkdownReport.tableRow(
                Arrays.stream(row).map(Markdown::text).toList())).append('\n')));
        out.append('\n');
        for (BenchmarkResult result : outcome.benchmarks()) {
            result.profiles().forEach(profile -> appendProfile(out, report, result, profile));
        }
        outcome.benchmarks().forEach(b -> b.notes().forEach(note -> out.append("- ")
                .append(Markdown.text(BenchLabels.shortName(b.benchmark()) + ": " + note)).append('\n')));
        outcome.notes().forEach(note -> out.append("- ").append(Markdown.text(note)).append('\n'));
        return out.toString();
    }

    private static void appendProfile(StringBuilder out, BenchReport report, BenchmarkResult result,
                                      ProfileComparison profile) {
        List<Finding> findings = profile.comparison().findings();
        if (findings.isEmpty()) {
            return;
        }
        out.append("#### ").append(Markdown.text(BenchLabels.profileTitle(result, profile))).append("\n\n");
        MarkdownReport.appendFindings(out, findings, new FindingRows(report::rules, report.repo(),
                new FindingRows.Column("per op", f -> Markdown.text(BenchLabels.perOp(profile, f)))));
        MarkdownReport.appendTree(out, profile.comparison());
    }
}
