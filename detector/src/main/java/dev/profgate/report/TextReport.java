package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.SideSummary;
import dev.profgate.analysis.Verdict;
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
 * each rule's advice, then what the run could not see and the method notes. Names are made printable; lines fit the
 * {@link TextStyle}'s width and are coloured only when it says so.
 */
public final class TextReport {
    /** Rows shown before the table is cut (report.json has all findings). */
    public static final int MAX_ROWS = 40;
    public static final String[] HEADER = {"Δ pp", "Δ cost", "q", "kind", "culprit ← called from", "source"};
    /** The columns that give up width when the table is too wide, in turn: rule, source, kind, culprit. */
    public static final int[] SHRINKABLE = {6, 5, 3, 4};
    /** The columns left out, in turn, when shrinking is not enough: source, then rule. */
    public static final int[] DROPPABLE = {5, 6};

    private TextReport() {
    }

    /** The report of {@code comparison} without rules or links, lines ending in {@code \n}. */
    public static String render(Comparison comparison) {
        return render(new ReportData(comparison, "", RuleCatalog.NONE, Map.of()));
    }

    /** The report of {@code data} as {@code report.txt} holds it ({@link TextStyle#FILE}). */
    public static String render(ReportData data) {
        return render(data, TextStyle.FILE);
    }

    /**
     * The report of {@code data}, its comparison with its rule hits and ending with its links, laid out in
     * {@code style}: lines fit its width (names elided in the middle, prose wrapped), colours only when it says.
     */
    public static String render(ReportData data, TextStyle style) {
        Comparison comparison = data.comparison();
        StringBuilder out = new StringBuilder();
        Prose.append(out, "base: " + side(comparison.base(), comparison.profileType()) + "  head: "
                + side(comparison.head(), comparison.profileType()), style.width(), "profgate  ", "  ");
        out.append('\n');
        String verdict = comparison.verdict().name() + "  ";
        StringBuilder line = new StringBuilder();
        Prose.append(line, Labels.counts(comparison) + " (" + Names.printable(Labels.scope(comparison)) + ")", style.width(),
                verdict, "  ");
        out.append(paint(comparison.verdict(), comparison.verdict().name(), style))
                .append(line.substring(comparison.verdict().name().length())).append('\n');
        appendEnvironment(out, comparison.environmentMismatches());
        appendTable(out, data, style);
        Prose.append(out, Labels.limits(comparison), style.width(), "", "");
        comparison.notes().forEach(note -> Prose.append(out, Names.printable(note), style.width(), "note: ", "      "));
        data.links().forEach(link -> out.append("link: ").append(Names.printable(link.label())).append(": ")
                .append(Names.printable(link.url())).append('\n'));
        return out.toString();
    }

    /** {@code text} coloured as {@code verdict} is: red for fail, yellow for warn, green for pass. */
    private static String paint(Verdict verdict, String text, TextStyle style) {
        return switch (verdict) {
            case FAIL -> style.bad(text);
            case WARN -> style.warning(text);
            case PASS -> style.good(text);
        };
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

    private static void appendTable(StringBuilder out, ReportData data, TextStyle style) {
        List<Finding> findings = data.comparison().findings();
        if (findings.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(withRule(HEADER, "rule"));
        findings.stream().limit(MAX_ROWS).forEach(f -> rows.add(withRule(row(f), Names.printable(Labels.ruleIds(data.hits(f))))));
        TextTable.append(out, rows, new TextTable.Fit(style.width(), SHRINKABLE, DROPPABLE), (row, column, cell) -> row > 0 && column < 2
                ? paint(findings.get(row - 1).severity(), cell, style) : cell);
        if (findings.size() > MAX_ROWS) {
            out.append("  … ").append(findings.size() - MAX_ROWS).append(" more findings in report.json\n");
        }
        out.append('\n');
        appendAdvice(out, Labels.adviceHits(findings, MAX_ROWS, data::hits), style.width());
    }

    /** Per hit of {@link Labels#adviceHits}: what was found, the advice and the rule's reference, within {@code width}. */
    public static void appendAdvice(StringBuilder out, Collection<RuleHit> hits, int width) {
        hits.forEach(hit -> CiText.rule(hit).forEach(line -> Prose.append(out, line.strip(), width,
                line.substring(0, line.length() - line.stripLeading().length()), "    ")));
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
        String culprit = Labels.culpritAndCaller(f, name -> Names.printable(ShortName.of(name)));
        return new String[] {Formats.signedPoints(f.delta()), Formats.effect(f.effect()),
                Formats.probability(f.qValue()), kind,
                culprit, Names.printable(Labels.source(f.source()))};
    }
}
