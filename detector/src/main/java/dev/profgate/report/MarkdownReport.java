package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Verdict;
import dev.profgate.model.EnvironmentMismatch;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The pull-request comment, narrow enough for GitHub's comment column: a hidden marker naming the gate (so the
 * comment is updated in place), the verdict heading, the environment mismatches (if any), the findings table
 * ({@link FindingRows}) with the catalog rules that explain each finding, the rules' advice, then folded: the findings
 * with full names, the differential call tree and the method notes; one line says what the run could not see.
 * Every name taken from a profile is escaped with {@link Markdown}.
 */
public final class MarkdownReport {
    /** Findings shown in the table; a GitHub comment holds at most 65,536 characters. */
    public static final int MAX_ROWS = 50;
    /** Nodes of the call tree shown. */
    static final int MAX_TREE_LINES = 150;
    private static final String MARKER_PREFIX = "<!-- profgate:gate=";

    private MarkdownReport() {
    }

    /** The gate name used when none is given: the profile type. */
    public static String defaultGate(Comparison comparison) {
        return comparison.profileType();
    }

    /** The hidden marker identifying the comment of gate {@code gate}; characters outside {@code [A-Za-z0-9._/:-]} become {@code -}. */
    public static String marker(String gate) {
        return MARKER_PREFIX + gate.replaceAll("[^A-Za-z0-9._/:-]", "-") + " -->";
    }

    /** The comment for {@code comparison} under gate {@code gate}, without rules or links. */
    public static String render(Comparison comparison, String gate) {
        return render(new ReportData(comparison, gate, RuleCatalog.NONE, Map.of()));
    }

    /**
     * The comment of {@code data}: verdict, findings table, the rules' advice, then folded: the findings with full
     * names, the call tree and the method notes; one line says what the run could not see.
     */
    public static String render(ReportData data) {
        Comparison comparison = data.comparison();
        StringBuilder out = new StringBuilder();
        out.append(marker(data.gate())).append('\n');
        out.append("### ").append(icon(comparison.verdict())).append(" profgate ").append(comparison.verdict().name())
                .append(": ").append(Labels.counts(comparison)).append(" (").append(Markdown.text(Labels.scope(comparison)))
                .append(")\n\n");
        appendEnvironment(out, comparison.environmentMismatches());
        appendFindings(out, comparison.findings(), FindingRows.of(data));
        appendTree(out, comparison);
        out.append("Could not see: changes smaller than **").append(Formats.points(comparison.minimumDetectableEffect()))
                .append(" pp** in a function (minimum detectable effect of this run, 80% power). ")
                .append(Formats.count(comparison.functionsTested())).append(" functions tested, FDR ")
                .append(Formats.rate(comparison.fdr())).append(".\n");
        if (!data.links().isEmpty()) {
            out.append("\nDrill down: ").append(String.join(" · ", data.links().stream()
                    .map(l -> Markdown.link(l.label(), l.url())).toList())).append('\n');
        }
        appendNotes(out, comparison.notes());
        return out.toString();
    }

    public static void appendEnvironment(StringBuilder out, List<EnvironmentMismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return;
        }
        out.append("**⚠️ ").append(Markdown.text(Labels.ENVIRONMENT_MISMATCH)).append(":**\n\n");
        mismatches.forEach(m -> out.append("- ").append(Markdown.text(m.toString())).append('\n'));
        out.append('\n');
    }

    /**
     * The findings table (at most {@link #MAX_ROWS} rows) of {@code rows}, the advice of the rules that explain
     * them, and the same findings with full names, folded; nothing when there are none.
     */
    public static void appendFindings(StringBuilder out, List<Finding> findings, FindingRows rows) {
        if (findings.isEmpty()) {
            return;
        }
        out.append(rows.header());
        findings.stream().limit(MAX_ROWS).forEach(f -> out.append(tableRow(rows.cells(f))).append('\n'));
        if (findings.size() > MAX_ROWS) {
            out.append("\n… ").append(findings.size() - MAX_ROWS).append(" more findings in report.json\n");
        }
        out.append('\n');
        appendAdvice(out, Labels.adviceHits(findings, MAX_ROWS, rows.hits()));
        out.append("<details><summary>Findings with full names</summary>\n\n");
        findings.stream().limit(MAX_ROWS).forEach(f -> out.append(rows.fullNames(f)));
        out.append("\n</details>\n\n");
    }

    /** The method notes, folded (nothing when there are none). */
    public static void appendNotes(StringBuilder out, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        out.append("\n<details><summary>How this run tested (").append(notes.size())
                .append(notes.size() == 1 ? " note" : " notes").append(")</summary>\n\n");
        notes.forEach(note -> out.append("- ").append(Markdown.text(note)).append('\n'));
        out.append("\n</details>\n");
    }

    /**
     * One line of advice per hit of {@link Labels#adviceHits}: the rule's title and id, where the expensive call is
     * made, the advice and the rule's reference; nothing when there are no hits.
     */
    public static void appendAdvice(StringBuilder out, Collection<RuleHit> hits) {
        if (hits.isEmpty()) {
            return;
        }
        hits.forEach(hit -> {
            String where = Labels.source(hit.source());
            out.append("- **").append(Markdown.text(hit.title())).append("** (").append(Markdown.code(hit.id()))
                    .append(hit.caller().isEmpty() ? "" : ", " + Markdown.code(hit.frame()) + " called in "
                            + Markdown.code(hit.caller()))
                    .append(where.isEmpty() ? "" : " at " + Markdown.code(where)).append("): ")
                    .append(Markdown.text(hit.advice()))
                    .append(hit.link().isEmpty() ? "" : " " + Markdown.link("why", hit.link())).append('\n');
        });
        out.append('\n');
    }

    /** A table row of already escaped cells. */
    public static String tableRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    public static void appendTree(StringBuilder out, Comparison comparison) {
        if (comparison.tree() == null) {
            return;
        }
        out.append("<details><summary>Differential call tree (total share base → head, Δ cost, ")
                .append(TreeText.CULPRIT_MARK).append(" culprit)</summary>\n\n<pre>\n");
        TreeText.lines(comparison.tree(), Markdown::text, MAX_TREE_LINES).forEach(l -> out.append(l).append('\n'));
        out.append("</pre>\n</details>\n\n");
    }

    public static String icon(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
    }
}
