package dev.profgate.watch;

import dev.profgate.base.Names;
import dev.profgate.publish.Bodies;
import dev.profgate.report.Markdown;

/**
 * The text of a regression's GitHub issue: its title, its body (the hidden fingerprint, a table of the change point,
 * its deploy and commits, links to the chart and the report; an SVG cannot be embedded in an issue) and the comment
 * closing it. Every service and function name is escaped.
 */
final class WatchIssueMarkdown {
    /** GitHub's limit for an issue title, in characters. */
    private static final int MAX_TITLE = 256;

    private WatchIssueMarkdown() {
    }

    /** {@code profgate watch: regression of FUNCTION in SERVICE}, printable, with {@code @} unable to mention. */
    static String title(ChangePoint point) {
        String title = Names.printable("profgate watch: regression of " + point.finding().function() + " in "
                + point.service()).replace("@", "@\u200b").replace('`', '\'');
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    /** The body of the issue of {@code change} of {@code report}, listed there as {@code point}. */
    static String body(WatchReport report, Charted point, ChangePoint change, Links links) {
        StringBuilder out = new StringBuilder(WatchIssue.of(change).marker()).append('\n')
                .append("### profgate watch: ").append(Markdown.code(change.finding().function())).append(" in ")
                .append(Markdown.text(change.service())).append(" costs more since ").append(change.at())
                .append("\n\n| | |\n|---|---|\n");
        row(out, "service", Markdown.text(change.service()));
        row(out, "function", Markdown.code(change.finding().function()));
        row(out, "change point", change.at() + " (step " + (change.step() + 1) + " of " + report.grid().count()
                + ", steps of " + report.grid().step() + " from " + report.grid().from() + ")");
        row(out, "change", Markdown.text(point.summary()));
        String windows = point.markdownLinks();
        if (!windows.isEmpty()) {
            row(out, "windows", windows);
        }
        report.deployOf(change).ifPresent(deployed -> {
            row(out, "deploy", Markdown.text(deployed.describe()));
            deployed.commits().forEach(commit -> row(out, "commit", Markdown.text(commit)));
        });
        out.append("\nVerdict of the latest run: **").append(report.verdict().label()).append("**. This issue is ")
                .append("updated by every run that still sees the change, and closed by the first that does not.\n");
        String linked = Bodies.links("Chart", links.chart(point.file()), "Full report", links.report(),
                "Report artifact", links.artifactUrl(), "Workflow run", links.runUrl());
        return Bodies.fit(linked.isEmpty() ? out.toString() : out + "\n" + linked + "\n", Bodies.MAX_CHARS);
    }

    /** The comment closing the issue of {@code issue}: the run no longer sees it ({@code transient}: it went away). */
    static String closing(WatchIssue issue, WatchReport report, boolean wentAway, String runUrl) {
        String why = wentAway ? "lists this change as a transient: it went away" : "no longer finds this change: it "
                + "was fixed or reverted, or is now below the floors";
        String run = Bodies.links("Workflow run", runUrl);
        return "profgate watch over " + report.grid().count() + " steps from " + report.grid().from() + " " + why
                + " (" + Markdown.code(issue.function()) + " in " + Markdown.text(issue.service()) + ", changed at "
                + issue.at() + "). Closing." + (run.isEmpty() ? "" : "\n\n" + run) + "\n";
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    /** Where a run's files are: the folder served ({@code reportUrl}), the artifact, the run; any may be null. */
    record Links(String reportUrl, String artifactUrl, String runUrl) {
        String chart(String file) {
            return reportUrl == null ? null : reportUrl.replaceAll("/+$", "") + "/" + file;
        }

        String report() {
            return chart(WatchFormat.MARKDOWN.file());
        }
    }
}
