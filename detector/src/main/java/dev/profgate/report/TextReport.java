package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.SideSummary;
import dev.profgate.model.EnvironmentMismatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal report: verdict first, then the environment mismatches (if any), the findings table (change in percentage points, q, kind, culprit with
 * where it is called from, source line), then what the run could not see and the method notes. Names are made printable.
 */
public final class TextReport {
    /** Rows shown before the table is cut (report.json has all findings). */
    static final int MAX_ROWS = 40;
    static final String[] HEADER = {"Δ pp", "q", "kind", "culprit ← called from", "source"};

    private TextReport() {
    }

    /** The report of {@code comparison}, lines ending in {@code \n}. */
    public static String render(Comparison comparison) {
        return render(comparison, List.of());
    }

    /** The report of {@code comparison} ending with {@code links}, one a line. */
    public static String render(Comparison comparison, List<ReportLink> links) {
        StringBuilder out = new StringBuilder();
        out.append("profgate  base: ").append(side(comparison.base(), comparison.profileType()))
                .append("  head: ").append(side(comparison.head(), comparison.profileType())).append("\n\n");
        out.append(comparison.verdict().name()).append("  ").append(Labels.counts(comparison))
                .append(" (").append(Names.printable(Labels.scope(comparison))).append(")\n\n");
        appendEnvironment(out, comparison.environmentMismatches());
        appendTable(out, comparison.findings());
        out.append(Labels.limits(comparison)).append('\n');
        comparison.notes().forEach(note -> out.append("note: ").append(Names.printable(note)).append('\n'));
        links.forEach(link -> out.append("link: ").append(Names.printable(link.label())).append(": ")
                .append(Names.printable(link.url())).append('\n'));
        return out.toString();
    }

    private static String side(SideSummary side, String type) {
        return side.replicates() + (side.replicates() == 1 ? " profile (" : " profiles (") + Names.printable(type)
                + ", " + Formats.count(side.samples()) + " samples)";
    }

    static void appendEnvironment(StringBuilder out, List<EnvironmentMismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return;
        }
        out.append(Labels.ENVIRONMENT_MISMATCH).append(":\n");
        mismatches.forEach(m -> out.append("  ").append(Names.printable(m.toString())).append('\n'));
        out.append('\n');
    }

    private static void appendTable(StringBuilder out, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        findings.stream().limit(MAX_ROWS).forEach(f -> rows.add(row(f)));
        TextTable.append(out, rows);
        if (findings.size() > MAX_ROWS) {
            out.append("  … ").append(findings.size() - MAX_ROWS).append(" more findings in report.json\n");
        }
        out.append('\n');
    }

    /** The cells of a finding's row, in {@link #HEADER} order. */
    static String[] row(Finding f) {
        String culprit = Labels.culpritAndCaller(f, Names::printable);
        return new String[] {Formats.signedPoints(f.delta()), Formats.probability(f.qValue()), Labels.kind(f),
                culprit, Names.printable(Labels.source(f.source()))};
    }
}
