package dev.profgate.report;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.SourceRef;
import dev.profgate.rules.RuleHit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The findings of a pull-request comment, narrow enough for GitHub's 896-pixel comment column: one table row per
 * finding (icon, culprit ← caller with short names linked to their repository lines, Δ cost with its interval and the
 * share change, q, the rules that explain it), and the same findings with full names in a folded list. A link to a
 * repository line is relative ({@code path#L20}); the publisher makes it absolute at the head commit.
 * {@code hits} gives a finding's rule hits, {@code repo} places frames on repository lines; {@code extra}, when not
 * null, is one more column before q (bench's cost per operation).
 */
public record FindingRows(Function<Finding, List<RuleHit>> hits, RepoLines repo, Column extra) {
    /** Keeps a q value such as {@code 2e-12} on one line of a narrow column. */
    private static final char NON_BREAKING_HYPHEN = '\u2011';

    /** A column of escaped cells under a plain-text title. */
    public record Column(String title, Function<Finding, String> cell) {
    }

    /** The rows of {@code data}'s findings. */
    public static FindingRows of(ReportData data) {
        return new FindingRows(data::hits, data.repo(), null);
    }

    /** The table's header and alignment rows. */
    public String header() {
        List<String> titles = new ArrayList<>(List.of("culprit ← called from", "Δ cost (95% CI) · Δ share", "q", "rule"));
        if (extra != null) {
            titles.add(2, Markdown.text(extra.title()));
        }
        return "| " + MarkdownReport.tableRow(titles) + "\n" + "|---".repeat(titles.size() + 1) + "|\n";
    }

    /** The escaped cells of {@code f}: icon, culprit ← caller (kind and source below), Δ cost and share, q, rules. */
    public List<String> cells(Finding f) {
        String source = Labels.source(f.source());
        String call = Labels.Call.of(f).render(name -> linked(name, f.source(), f.function()),
                name -> linked(name, callerSite(f, name), name));
        List<String> cells = new ArrayList<>(List.of(MarkdownReport.icon(f.severity()),
                call + "<br><sub>" + Markdown.text(Labels.kind(f) + (source.isEmpty() ? "" : " · " + source)) + "</sub>",
                Markdown.text(Formats.effect(f.effect())) + "<br><sub>" + Markdown.text("(" + Formats.interval(
                        f.effect().ci()) + ") · " + Formats.signedPoints(f.delta()) + " pp") + "</sub>",
                Markdown.text(Formats.probability(f.qValue()).replace('-', NON_BREAKING_HYPHEN)), Markdown.text(String.join(", ", hits.apply(f).stream()
                        .map(RuleHit::title).distinct().toList()))));
        if (extra != null) {
            cells.add(3, extra.cell().apply(f));
        }
        return cells;
    }

    /**
     * One item of the folded list: the full names, the source, both shares, the change relative to the code that did
     * not change (what the kind says: a share can grow beside a fix and its cost still fall) and the kind.
     */
    public String fullNames(Finding f) {
        String source = Labels.source(f.source());
        return "- " + MarkdownReport.icon(f.severity()) + " " + Labels.culpritAndCaller(f, Markdown::code)
                + (source.isEmpty() ? "" : " at " + Markdown.code(source)) + ": " + Formats.percent(f.base()) + " → "
                + Formats.percent(f.head()) + " of the profile (" + Formats.signedPoints(f.delta()) + " pp; Δ cost "
                + Markdown.text(Formats.effect(f.effect())) + "), " + Markdown.text(Labels.kind(f)) + "\n";
    }

    /** The source of the caller {@code caller} as a rule hit places it (the application frame), if one does. */
    private SourceRef callerSite(Finding f, String caller) {
        return hits.apply(f).stream().filter(hit -> hit.caller().equals(caller)).map(RuleHit::source).findFirst()
                .orElse(null);
    }

    /** {@code function}'s short name as code, linked to its line when {@code source} maps to a repository file. */
    private String linked(String function, SourceRef source, String placedAs) {
        String name = Markdown.code(ShortName.of(function));
        return repo.path(source, placedAs).map(p -> "[" + name + "](" + PathUri.of(p) + "#L" + source.line() + ")").orElse(name);
    }
}
