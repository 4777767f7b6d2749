package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.base.Names;
import dev.profgate.report.Labels;
import dev.profgate.report.Prose;
import dev.profgate.report.TextReport;
import dev.profgate.report.TextStyle;
import dev.profgate.report.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terminal report of a bench run: what ran, the verdict, the benchmark table (per benchmark and metric the
 * medians, change with its interval, p, q), then per benchmark and profile type the function findings with their cost per operation.
 */
public final class BenchTextReport {
    /** The findings table's columns that give up width, in turn: rule, source, kind, culprit (cost per op is second). */
    private static final int[] FINDING_SHRINKABLE = {7, 6, 4, 5};
    /** The findings table's columns left out when shrinking is not enough: source, then rule. */
    private static final int[] FINDING_DROPPABLE = {6, 7};

    private BenchTextReport() {
    }

    /** The report as {@code report.txt} holds it, lines ending in {@code \n}. */
    public static String render(BenchReport report) {
        return render(report, TextStyle.FILE);
    }

    /** The report laid out in {@code style} (its width, colours when it says), lines ending in {@code \n}. */
    public static String render(BenchReport report, TextStyle style) {
        BenchOutcome outcome = report.outcome();
        BenchRunInfo run = report.run();
        StringBuilder out = new StringBuilder();
        Prose.append(out, "base: " + Names.printable(run.base()) + "  head: " + Names.printable(run.head()),
                style.width(), "profgate bench  ", "  ");
        Prose.append(out, Names.printable(run.settings()), style.width(), "  ", "  ");
        out.append('\n');
        Prose.append(out, BenchLabels.summary(outcome), style.width(), "", "  ");
        out.append('\n');
        TextReport.appendEnvironment(out, outcome.environmentMismatches());
        List<String[]> rows = new ArrayList<>();
        rows.add(BenchLabels.SCORE_HEADER);
        outcome.benchmarks().forEach(b -> BenchLabels.scoreRows(b).forEach(row -> rows.add(printable(row))));
        TextTable.append(out, rows, new TextTable.Fit(style.width(), new int[] {0}, new int[0]),
                (row, column, cell) -> cell);
        for (BenchmarkResult result : outcome.benchmarks()) {
            result.profiles().forEach(profile -> appendFindings(out, report, result, profile, style));
            result.notes().forEach(note -> Prose.append(out, Names.printable(BenchLabels.shortName(result.benchmark())
                    + ": " + note), style.width(), "note: ", "      "));
        }
        out.append('\n');
        outcome.notes().forEach(note -> Prose.append(out, Names.printable(note), style.width(), "note: ", "      "));
        return out.toString();
    }

    private static void appendFindings(StringBuilder out, BenchReport report, BenchmarkResult result,
                                       ProfileComparison profile, TextStyle style) {
        List<Finding> findings = profile.comparison().findings();
        if (findings.isEmpty()) {
            return;
        }
        out.append('\n').append(Names.printable(BenchLabels.profileTitle(result, profile))).append(": ")
                .append(profile.comparison().verdict().name()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(cells(TextReport.HEADER, profile.perOperation() ? profile.perOpUnit() + " base → head" : "", "rule"));
        findings.stream().limit(TextReport.MAX_ROWS).forEach(f -> rows.add(cells(
                TextReport.row(f, Labels.kind(f)), BenchLabels.perOp(profile, f),
                Names.printable(Labels.ruleIds(report.rules(f))))));
        TextTable.append(out, rows, new TextTable.Fit(style.width(), FINDING_SHRINKABLE, FINDING_DROPPABLE),
                (row, column, cell) -> cell);
        TextReport.appendAdvice(out, Labels.adviceHits(findings, TextReport.MAX_ROWS, report::rules), style.width());
        out.append("  ").append(Labels.limits(profile.comparison())).append('\n');
    }

    /** The finding cells with the cost-per-operation cell after the change and the rule cell last. */
    private static String[] cells(String[] cells, String perOp, String rule) {
        List<String> row = new ArrayList<>(Arrays.asList(cells));
        row.add(1, perOp);
        row.add(rule);
        return row.toArray(String[]::new);
    }

    private static String[] printable(String[] cells) {
        return Arrays.stream(cells).map(Names::printable).toArray(String[]::new);
    }
}
