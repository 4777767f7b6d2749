package dev.profgate.report;

import dev.profgate.analysis.Comparison;

/** The report formats written to a report folder or to standard output, with their file names. */
public enum ReportFormat {
    TEXT("report.txt"), MARKDOWN("report.md"), JSON("report.json");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name of this report in a report folder. */
    public String fileName() {
        return fileName;
    }

    /** This report of {@code comparison}; {@code gate} names the gate in the Markdown marker. */
    public String render(Comparison comparison, String gate) {
        return switch (this) {
            case TEXT -> TextReport.render(comparison);
            case MARKDOWN -> MarkdownReport.render(comparison, gate);
            case JSON -> JsonReport.render(comparison);
        };
    }

    /** This report of a bench run. */
    public String render(BenchReport report, String gate) {
        return switch (this) {
            case TEXT -> BenchTextReport.render(report);
            case MARKDOWN -> BenchMarkdownReport.render(report, gate);
            case JSON -> BenchJsonReport.render(report);
        };
    }
}
