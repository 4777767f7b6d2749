package dev.profgate.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Growth;
import dev.profgate.analysis.GrowthMethod;
import dev.profgate.analysis.Interval;
import dev.profgate.config.CostSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The quarterly report files with hostile function and service names: escaped everywhere, charts well-formed. */
class QuarterlyReportFilesTest {
    private static final String HOSTILE = "evil<script>alert(\"x\")</script>&|`@team";

    @Test
    void hostileNamesAreEscapedAndTheChartStaysWellFormed() throws Exception {
        double[] shares = {0.1, Double.NaN, 0.3};
        QuarterlyData.Service service = new QuarterlyData.Service("svc/" + HOSTILE, 100, 1000,
                List.of(new QuarterlyData.FunctionRow(HOSTILE, 0.2, 0.4, 8, 16)), List.of(),
                List.of(new Growth(HOSTILE, 0.1, 0.3, 0.2, new Interval(0.1, 0.3), 1e-4, 1e-3, 0.2)), GrowthMethod.TREND,
                List.of(new QuarterlyData.AntiPattern("rule", "title", "advice", HOSTILE, 2, 0.05, 2)),
                List.of(new QuarterlyData.Trend(HOSTILE, shares)));
        QuarterlyData data = new QuarterlyData("2026-Q1", "2026-01-01", "2026-01-22",
                List.of("2026-01-01", "2026-01-08", "2026-01-15"), "folder x", new CostSettings(0.04, 10, "USD"),
                List.of("summary " + HOSTILE), List.of(service), List.of("note"));
        Map<String, String> files = QuarterlyReport.render(data);
        String chart = files.get(service.chartFile());
        assertFalse(service.chartFile().contains("/") || service.chartFile().contains("<"), service.chartFile());
        Element line = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("polyline").item(0);
        assertEquals(HOSTILE, line.getAttribute("data-function"));
        assertEquals(2, line.getAttribute("points").split(" ").length, "the week without samples is skipped");
        for (String text : List.of(files.get("report.html"), files.get("report.md"), chart)) {
            assertFalse(text.contains("<script>"), text);
        }
        assertFalse(files.get("report.md").contains("`"));
        assertEquals(HOSTILE, new ObjectMapper().readTree(files.get("report.json")).get("services").get(0)
                .get("growers").get(0).get("function").asText());
        assertTrue(files.get("report.json").contains("null"), "NaN week written as null");
    }
}
