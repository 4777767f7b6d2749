package dev.profgate.watch;

import dev.profgate.base.Names;
import dev.profgate.report.Markdown;
import java.util.List;
import java.util.Locale;

/** How a watch report is printed and written: plain text, Markdown (for an issue or a job summary) or JSON. */
public enum WatchFormat {
    TEXT("report.txt"), MARKDOWN("report.md"), JSON("report.json");

    private final String file;

    WatchFormat(String file) {
        this.file = file;
    }

    /** The report's file name in a report folder. */
    public String file() {
        return file;
    }

    /** The report in this format. */
    public String render(WatchReport report) {
        return switch (this) {
            case TEXT -> text(report);
            case MARKDOWN -> markdown(report);
            case JSON -> WatchJson.render(report);
        };
    }

    private static String text(WatchReport report) {
        StringBuilder out = new StringBuilder(headline(report)).append('\n');
        String kind = "";
        for (Charted finding : Charted.of(report)) {
            if (!finding.kind().equals(kind)) {
                kind = finding.kind();
                out.append('\n').append(kind).append("s:\n");
            }
            out.append("  ").append(Names.printable(finding.service())).append("  ")
                    .append(Names.printable(finding.function())).append("\n    ").append(finding.summary())
                    .append('\n');
            finding.links().forEach(link -> out.append("    ").append(link.label()).append(": ").append(link.url())
                    .append('\n'));
        }
        out.append("\nNotes:\n");
        report.notes().forEach(note -> out.append("  - ").append(note).append('\n'));
        return out.toString();
    }

    private static String markdown(WatchReport report) {
        StringBuilder out = new StringBuilder("## profgate watch\n\n").append(Markdown.text(headline(report)))
                .append("\n\n");
        List<Charted> findings = Charted.of(report);
        if (!findings.isEmpty()) {
            out.append("| kind | service | function | what | chart |\n|---|---|---|---|---|\n");
            for (Charted finding : findings) {
                out.append("| ").append(finding.kind()).append(" | ").append(Markdown.text(finding.service()))
                        .append(" | ").append(Markdown.code(finding.function())).append(" | ")
                        .append(Markdown.text(finding.summary())).append(" | ").append(finding.file()).append(" |\n");
            }
            out.append('\n');
            for (Charted finding : findings) {
                String links = finding.markdownLinks();
                if (!links.isEmpty()) {
                    out.append("- ").append(Markdown.code(finding.function())).append(" in ")
                            .append(Markdown.text(finding.service())).append(": ").append(links).append('\n');
                }
            }
            out.append(findings.stream().anyMatch(f -> !f.links().isEmpty()) ? "\n" : "");
        }
        commits(report, out);
        out.append("<details><summary>Notes</summary>\n\n");
        report.notes().forEach(note -> out.append("- ").append(Markdown.text(note)).append('\n'));
        return out.append("\n</details>\n").toString();
    }

    /** The commits each attributed change point's deploy brought that changed its code, escaped. */
    private static void commits(WatchReport report, StringBuilder out) {
        List<Deployed> attributed = report.deploys().stream().filter(d -> !d.commits().isEmpty()).toList();
        if (attributed.isEmpty()) {
            return;
        }
        out.append("Attributed commits:\n\n");
        for (Deployed deployed : attributed) {
            out.append("- ").append(Markdown.code(deployed.point().finding().function())).append(" in ")
                    .append(Markdown.text(deployed.point().service())).append(", ")
                    .append(Markdown.text(deployed.describe())).append(": ")
                    .append(Markdown.text(String.join("; ", deployed.commits()))).append('\n');
        }
        out.append('\n');
    }

    private static String headline(WatchReport report) {
        StepGrid grid = report.grid();
        return String.format(Locale.ROOT, "%s: %d change point(s), %d transient(s), %d creep(s) in %s, %d steps of %s "
                        + "from %s.", report.verdict().label().toUpperCase(Locale.ROOT), report.changePoints().size(),
                report.transients().size(), report.creeps().size(), report.source(), grid.count(), grid.step(),
                grid.from());
    }
}
