package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.report.FindingRows;
import dev.profgate.report.Markdown;
import dev.profgate.report.MarkdownReport;
import java.util.ArrayList;
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
        out.append(MarkdownReport.tableRow(List.of(BenchLabels.COMMENT_SCORE_HEADER))).append('\n')
                .append("|---".repeat(BenchLabels.COMMENT_SCORE_HEADER.length)).append("|\n");
        outcome.benchmarks().forEach(b -> b.scores().forEach(score -> out.append(MarkdownReport.tableRow(
                scoreCells(b, score))).append('\n')));
        out.append('\n');
        for (BenchmarkResult result : outcome.benchmarks()) {
            result.profiles().forEach(profile -> appendProfile(out, report, result, profile));
        }
        List<String> notes = new ArrayList<>();
        outcome.benchmarks().forEach(b -> b.notes().forEach(note -> notes.add(BenchLabels.shortName(b.benchmark())
                + ": " + note)));
        notes.addAll(outcome.notes());
        MarkdownReport.appendNotes(out, notes);
        return out.toString();
    }

    /** A metric's row: its verdict's icon, then its cells escaped. */
    private static List<String> scoreCells(BenchmarkResult result, ScoreComparison score) {
        List<String> cells = new ArrayList<>(List.of(MarkdownReport.icon(score.verdict())));
        BenchLabels.commentScoreCells(result, score).forEach(cell -> cells.add(Markdown.text(cell)));
        return cells;
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
