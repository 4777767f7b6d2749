package dev.profgate.bench;

import dev.profgate.report.ReportData;
import dev.profgate.report.ReportFormat;
import dev.profgate.report.ReportWriter;
import dev.profgate.report.SarifReport;
import dev.profgate.report.TextStyle;
import java.nio.file.Path;
import java.util.List;

/**
 * The reports of a bench run in each {@link ReportFormat}: text, Markdown, JSON, JUnit XML and SARIF of the whole
 * run; the flame graphs of its most severe profile comparison (none when no profile was compared).
 */
public final class BenchReportFiles {
    private BenchReportFiles() {
    }

    /** {@link #render} as standard output shows it: text laid out in {@code style}. */
    public static String render(ReportFormat format, BenchReport report, String gate, TextStyle style) {
        return format == ReportFormat.TEXT ? BenchTextReport.render(report, style) : render(format, report, gate);
    }

    /** {@code format} of {@code report} under gate {@code gate}, or null when the run has nothing to show in it. */
    public static String render(ReportFormat format, BenchReport report, String gate) {
        return switch (format) {
            case TEXT -> BenchTextReport.render(report);
            case MARKDOWN -> BenchMarkdownReport.render(report, gate);
            case JSON -> BenchJsonReport.render(report);
            case HTML, SVG -> report.worst(gate) == null ? null : format.render(report.worst(gate));
            case JUNIT -> BenchJUnitReport.render(report, gate);
            case SARIF -> sarif(report, gate);
        };
    }

    /** Writes every report of the run into {@code outDir}, replacing an earlier report folder. */
    public static void write(BenchReport report, Path outDir, String gate) {
        ReportWriter.writeAll(format -> render(format, report, gate), outDir);
    }

    private static String sarif(BenchReport report, String gate) {
        List<ReportData> comparisons = report.comparisons(gate);
        String types = String.join(", ", comparisons.stream().map(c -> c.comparison().profileType()).distinct()
                .toList());
        return SarifReport.render(report.catalog(), comparisons, report.outcome().verdict(), gate, types, List.of());
    }
}
