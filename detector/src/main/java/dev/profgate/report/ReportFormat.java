package dev.profgate.report;

/** The report formats written to a report folder or to standard output, with their file names. */
public enum ReportFormat {
    TEXT("report.txt"), MARKDOWN("report.md"), JSON("report.json"), JUNIT("junit.xml"), SARIF("report.sarif"),
    HTML("flamegraph.html"), SVG("flamegraph.svg");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name of this report in a report folder. */
    public String fileName() {
        return fileName;
    }

    /** This report of {@code data}, as standard output shows it: text laid out in {@code style}. */
    public String render(ReportData data, TextStyle style) {
        return this == TEXT ? TextReport.render(data, style) : render(data);
    }

    /** This report of {@code data}, as the report folder holds it. */
    public String render(ReportData data) {
        return switch (this) {
            case TEXT -> TextReport.render(data);
            case MARKDOWN -> MarkdownReport.render(data);
            case JSON -> JsonReport.render(data);
            case JUNIT -> JUnitReport.render(data);
            case SARIF -> SarifReport.render(data);
            case HTML -> FlameGraphHtml.render(data);
            case SVG -> FlameGraphSvg.render(data);
        };
    }
}
