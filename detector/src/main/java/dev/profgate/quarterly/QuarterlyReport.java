package dev.profgate.quarterly;

import dev.profgate.report.ReportWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a quarterly optimization report: {@code report.html} (charts inline, no script),
 * {@code report.md}, {@code report.json} and one {@code trend-SERVICE.svg} per service.
 */
public final class QuarterlyReport {
    private QuarterlyReport() {
    }

    /** File name to content, for {@link ReportWriter#writeFiles}. */
    public static Map<String, String> render(QuarterlyData data) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> charts = new LinkedHashMap<>();
        for (QuarterlyData.Service service : data.services()) {
            charts.put(service.chartFile(), TrendChart.svg(service.name(), data.weeks(), service.trends()));
        }
        files.put("report.html", QuarterlyHtml.render(data, charts));
        files.put("report.md", QuarterlyMarkdown.render(data));
        files.put("report.json", QuarterlyJson.render(data));
        files.putAll(charts);
        return files;
    }
}
