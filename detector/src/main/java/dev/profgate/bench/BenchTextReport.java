package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.base.Names;
import dev.profgate.report.Labels;
import dev.profgate.report.TextReport;
import dev.profgate.report.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terminal report of a bench run: what ran, the verdict, the benchmark table (per benchmark and metric the
 * medians, change with its interval, p, q), then per benchmark and profile type the function findings with their cost per operation.
 */
public final class BenchTextReport {
    private BenchTextReport() {
    }

    /** The report, lines ending in {@code \n}. */
    public static String render(BenchReport report) {
        BenchOutcome outcome = report.outcome();
        BenchRunInfo run = report.run();
        StringBuilder out = new StringBuilder();
        out.append("profgate bench  base: ").append(Names.printable(run.base())).append("  head: ")
                .append(Names.printable(run.head())).append('\n')
                .append("  ").append(Names.printable(run.settings())).append("\n\n");
        out.append(BenchLabels.summary(outcome)).append("\n\n");
        TextReport.appendEnvironment(out, outcome.environmentMismatches());
        List<String[]> rows = new ArrayList<>();
        rows.add(BenchLabels.SCORE_HEADER);
        outcome.benchmarks().forEach(b -> BenchLabels.scoreRows(b).forEach(row -> rows.add(printable(row))));
        TextTable.append(out, rows);
        for (BenchmarkResult result : outcome.benchmarks()) {
            result.profiles().forEach(profile -> appendFindings(out, report, result, profile));
            result.notes().forEach(note -> out.append("note: ").append(Names.printable(
                    BenchLabels.shortName(result.benchmark()) + ": " + note)).append('\n'));
        }
        out.append('\n');
        outcome.notes().forEach(note -> out.append("note: ").append(Names.printable(note)).append('\n'));
        return out.toString();
    }

    private static void appendFindings(StringBuilder out, BenchReport report, BenchmarkResult result,
                                       ProfileComparison profile) {
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
        TextTable.append(out, rows);
        TextReport.appendAdvice(out, Labels.adviceHits(findings, TextReport.MAX_ROWS, report::rules));
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
