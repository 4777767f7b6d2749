package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Verdict;
import dev.profgate.model.EnvironmentMismatch;
import java.util.List;

/**
 * The pull-request comment: a hidden marker naming the gate (so the comment is updated in place), the verdict
 * heading, the environment mismatches (if any), the findings table, the differential call tree, and what the run could not see. Every name taken from
 * a profile is escaped with {@link Markdown}.
 */
public final class MarkdownReport {
    /** Findings shown in the table; a GitHub comment holds at most 65,536 characters. */
    static final int MAX_ROWS = 50;
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

    /** The comment for {@code comparison} under gate {@code gate}. */
    public static String render(Comparison comparison, String gate) {
        return render(comparison, gate, List.of());
    }

    /** The comment for {@code comparison} under gate {@code gate}, with a line of {@code links} to drill down. */
    public static String render(Comparison comparison, String gate, List<ReportLink> links) {
        StringBuilder out = new StringBuilder();
        out.append(marker(gate)).append('\n');
        out.append("### ").append(icon(comparison.verdict())).append(" profgate ").append(comparison.verdict().name())
                .append(": ").append(Labels.counts(comparison)).append(" (").append(Markdown.text(Labels.scope(comparison)))
                .append(")\n\n");
        appendEnvironment(out, comparison.environmentMismatches());
        appendFindings(out, comparison.findings());
        appendTree(out, comparison);
        out.append("Could not see: changes smaller than **").append(Formats.points(comparison.minimumDetectableEffect()))
                .append(" pp** in a function (minimum detectable effect of this run, 80% power). ")
                .append(Formats.count(comparison.functionsTested())).append(" functions tested, FDR ")
                .append(Formats.rate(comparison.fdr())).append(".\n");
        if (!links.isEmpty()) {
            out.append("\nDrill down: ").append(String.join(" · ", links.stream()
                    .map(l -> Markdown.link(l.label(), l.url())).toList())).append('\n');
        }
        if (!comparison.notes().isEmpty()) {
            out.append('\n');
            comparison.notes().forEach(note -> out.append("- ").append(Markdown.text(note)).append('\n'));
        }
        return out.toString();
    }

    static void appendEnvironment(StringBuilder out, List<EnvironmentMismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return;
        }
        out.append("**⚠️ ").append(Markdown.text(Labels.ENVIRONMENT_MISMATCH)).append(":**\n\n");
        mismatches.forEach(m -> out.append("- ").append(Markdown.text(m.toString())).append('\n'));
        out.append('\n');
    }

    private static void appendFindings(StringBuilder out, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.append("| | culprit ← called from | source | base | head | Δ (95% CI) | q | kind |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        findings.stream().limit(MAX_ROWS).forEach(f -> out.append(row(f)).append('\n'));
        if (findings.size() > MAX_ROWS) {
            out.append("\n… ").append(findings.size() - MAX_ROWS).append(" more findings in report.json\n");
        }
        out.append('\n');
    }

    private static String row(Finding f) {
        return tableRow(cells(f));
    }

    /** The cells of a finding's row: icon, culprit ← caller, source, base, head, Δ (95% CI), q, kind. */
    static List<String> cells(Finding f) {
        String culprit = Labels.culpritAndCaller(f, Markdown::code);
        String source = Labels.source(f.source());
        return List.of(icon(f.severity()), culprit, source.isEmpty() ? "" : Markdown.code(source),
                Formats.percent(f.base()), Formats.percent(f.head()),
                Formats.signedPoints(f.delta()) + " pp (" + Formats.interval(f.ci()) + ")",
                Formats.probability(f.qValue()), Labels.kind(f));
    }

    /** A table row of already escaped cells. */
    static String tableRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    static void appendTree(StringBuilder out, Comparison comparison) {
        if (comparison.tree() == null) {
            return;
        }
        out.append("<details><summary>Differential call tree (total share base → head, ")
                .append(TreeText.CULPRIT_MARK).append(" culprit)</summary>\n\n<pre>\n");
        TreeText.lines(comparison.tree(), Markdown::text, MAX_TREE_LINES).forEach(l -> out.append(l).append('\n'));
        out.append("</pre>\n</details>\n\n");
    }

    static String icon(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
    }
}
