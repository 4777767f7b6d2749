package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.SideSummary;
import dev.profgate.base.Names;
import dev.profgate.model.EnvironmentMismatch;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: verdict first, then the environment mismatches (if any), the findings table (change in
 * percentage points, q, kind, culprit with where it is called from, source line, the catalog rules that explain it),
 * each rule's advice, then what the run could not see and the method notes. Names are made printable.
 */
public final class TextReport {
    /** Rows shown before the table is cut (report.json has all findings). */
    public static final int MAX_ROWS = 40;
    public static final String[] HEADER = {"Δ pp", "Δ cost", "q", "kind", "culprit ← called from", "source"};

    private TextReport() {
    }

    /** The report of {@code comparison} without rules or links, lines ending in {@code \n}. */
    public static String render(Comparison comparison) {
        return render(new ReportData(comparison, "", RuleCatalog.NONE, Map.of()));
    }

    /** The report of {@code data}: its comparison with its rule hits, ending with its links, one a line. */
    public static String render(ReportData data) {
        Comparison comparison = data.comparison();
        StringBuilder out = new StringBuilder();
        out.append("profgate  base: ").append(side(comparison.base(), comparison.profileType()))
                .append("  head: ").append(side(comparison.head(), comparison.profileType())).append("\n\n");
        out.append(comparison.verdict().name()).append("  ").append(Labels.counts(comparison))
                .append(" (").append(Names.printable(Labels.scope(comparison))).append(")\n\n");
        appendEnvironment(out, comparison.environmentMismatches());
        appendTable(out, data);
        out.append(Labels.limits(comparison)).append('\n');
        comparison.notes().forEach(note -> out.append("note: ").append(Names.printable(note)).append('\n'));
        data.links().forEach(link -> out.append("link: ").append(Names.printable(link.label())).append(": ")
                .append(Names.printable(link.url())).append('\n'));
        return out.toString();
    }

    private static String side(SideSummary side, String type) {
        return side.replicates() + (side.replicates() == 1 ? " profile (" : " profiles (") + Names.printable(type)
                + ", " + Formats.count(side.samples()) + " samples)";
    }

    public static void appendEnvironment(StringBuilder out, List<EnvironmentMismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return;
        }
        out.append(Labels.ENVIRONMENT_MISMATCH).append(":\n");
        mismatches.forEach(m -> out.append("  ").append(Names.printable(m.toString())).append('\n'));
        out.append('\n');
    }

    private static void appendTable(StringBuilder out, ReportData data) {
        List<Finding> findings = data.comparison().findings();
        if (findings.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(withRule(HEADER, "rule"));
        findings.stream().limit(MAX_ROWS).forEach(f -> rows.add(withRule(row(f), Names.printable(Labels.ruleIds(data.hits(f))))));
        TextTable.append(out, rows);
        if (findings.size() > MAX_ROWS) {
            out.append("  … ").append(findings.size() - MAX_ROWS).append(" more findings in report.json\n");
        }
        out.append('\n');
        appendAdvice(out, Labels.adviceHits(findings, MAX_ROWS, data::hits));
    }

    /** Per hit of {@link Labels#adviceHits}: what was found, the advice and the rule's reference. */
    public static void appendAdvice(StringBuilder out, Collection<RuleHit> hits) {
        hits.forEach(hit -> CiText.rule(hit).forEach(line -> out.append(line).append('\n')));
        if (!hits.isEmpty()) {
            out.append('\n');
        }
    }

    private static String[] withRule(String[] cells, String rule) {
        String[] row = Arrays.copyOf(cells, cells.length + 1);
        row[cells.length] = rule;
        return row;
    }

    /** The cells of a finding's row, in {@link #HEADER} order. */
    public static String[] row(Finding f) {
        return row(f, Labels.kind(f));
    }

    /** The cells of a finding's row, in {@link #HEADER} order, with {@code kind} as its kind cell. */
    public static String[] row(Finding f, String kind) {
        String culprit = Labels.culpritAndCaller(f, Names::printable);
        return new String[] {Formats.signedPoints(f.delta()), Formats.effect(f.effect()),
                Formats.probability(f.qValue()), kind,
                culprit, Names.printable(Labels.source(f.source()))};
    }
}
