package dev.profgate.watch;

import dev.profgate.report.ReportWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The files of a watch report: {@code report.txt}, {@code report.md}, {@code report.json} and one chart a finding. */
public final class WatchFiles {
    private static final Pattern CHART = Pattern.compile("chart-\\d+\\.svg");

    private WatchFiles() {
    }

    /** True for the name of a finding's chart, which an earlier run may have written more of. */
    public static boolean isChart(String name) {
        return CHART.matcher(name).matches();
    }

    /** Writes {@code report}'s files to folder {@code out}, replacing the charts an earlier run left there. */
    public static void write(WatchReport report, Path out) {
        ReportWriter.writeFiles(render(report), out, WatchFiles::isChart);
    }

    /** File name to content, for {@link dev.profgate.report.ReportWriter#writeFiles}. */
    public static Map<String, String> render(WatchReport report) {
        Map<String, String> files = new LinkedHashMap<>();
        for (WatchFormat format : WatchFormat.values()) {
            files.put(format.file(), format.render(report));
        }
        for (Charted finding : Charted.of(report)) {
            files.put(finding.file(), SeriesChart.svg(finding.title(), finding.series(), report.grid()));
        }
        return files;
    }
}
