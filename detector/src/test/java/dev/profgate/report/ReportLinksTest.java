package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import dev.profgate.deploy.DeployLinks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Drill-down links reach every report, escaped for each, and only http(s) links exist. */
class ReportLinksTest {
    private static final DeployLinks.Window BASE = new DeployLinks.Window("{service_name=\"a b\"}", "a b",
            1_714_555_800_000L, 1_714_557_600_000L);
    private static final DeployLinks.Window HEAD = new DeployLinks.Window("{service_name=\"a b\"}", "a b",
            1_714_557_720_000L, 1_714_559_520_000L);
    private static final String TYPE = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";

    private static ReportData withLinks(List<ReportLink> links) {
        return Comparisons.data(Comparisons.regexPerCall(), "cpu").withLinks(links);
    }

    @Test
    void pyroscopeGrafanaAndTraceLinksCarryTheWindows() throws IOException {
        List<ReportLink> links = new DeployLinks(false, "http://pyro:4040/", "https://grafana.example", "uid-1",
                "http://jaeger/search?service={service}&start={startUs}&end={endUs}&q={selector}")
                .links(TYPE, BASE, HEAD);
        assertEquals("http://pyro:4040/?query=process_cpu%3Acpu%3Ananoseconds%3Acpu%3Ananoseconds%7Bservice_name"
                + "%3D%22a%20b%22%7D&from=1714555800&until=1714557600", links.get(0).url());
        assertTrue(links.get(2).url().contains("/comparison-diff?leftQuery="), links.get(2).url());
        assertTrue(links.get(2).url().endsWith("&rightFrom=1714557720&rightUntil=1714559520"), links.get(2).url());
        String explore = links.get(4).url();
        assertTrue(explore.startsWith("https://grafana.example/explore?schemaVersion=1&panes="), explore);
        String panes = java.net.URLDecoder.decode(explore.substring(explore.indexOf("panes=") + 6,
                explore.indexOf("&orgId")), StandardCharsets.UTF_8);
        JsonNode pane = new ObjectMapper().readTree(panes).get("profgate");
        assertEquals("uid-1", pane.get("queries").get(0).get("datasource").get("uid").asText());
        assertEquals(TYPE, pane.get("queries").get(0).get("profileTypeId").asText());
        assertEquals(HEAD.selector(), pane.get("queries").get(0).get("labelSelector").asText());
        assertEquals("1714557720000", pane.get("range").get("from").asText());
        assertEquals("http://jaeger/search?service=a%20b&start=1714557720000000&end=1714559520000000&q=%7Bservice_name"
                + "%3D%22a%20b%22%7D", links.get(6).url());
        assertEquals(7, links.size());
        List<ReportLink> parca = new DeployLinks(true, "http://parca:7070", null, null, null).links("t", BASE, HEAD);
        assertEquals(2, parca.size());
        assertTrue(parca.get(1).url().startsWith("http://parca:7070/?expression_a=t%7B"), parca.get(1).url());
    }

    @Test
    void everyReportShowsTheLinksEscapedForItsFormat() throws IOException {
        ReportLink link = new ReportLink("base <window>", "http://ui.example/a(b)?q=%22x%22");
        ReportData data = withLinks(List.of(link));
        String markdown = ReportFormat.MARKDOWN.render(data);
        assertTrue(markdown.contains("[base &#60;window&#62;](http://ui.example/a%28b%29?q=%22x%22)"), markdown);
        assertTrue(ReportFormat.TEXT.render(data).contains("link: base <window>: http://ui.example/a(b)?q=%22x%22"));
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(data));
        assertEquals(link.url(), json.get("links").get(0).get("url").asText());
        JsonNode sarif = new ObjectMapper().readTree(ReportFormat.SARIF.render(data));
        assertEquals(link.label(), sarif.get("runs").get(0).get("properties").get("links").get(0).get("label").asText());
        assertTrue(ReportFormat.JUNIT.render(data).contains("<property name=\"link: base &lt;window&gt;\" "
                + "value=\"http://ui.example/a(b)?q=%22x%22\"/>"));
        assertTrue(ReportFormat.SVG.render(data).contains("<a href=\"http://ui.example/a(b)?q=%22x%22\""));
        assertEquals(link.url(), flameData(ReportFormat.HTML.render(data)).get("links").get(0).get("url").asText());
        assertFalse(ReportFormat.MARKDOWN.render(withLinks(List.of())).contains("Drill down"));
    }

    @Test
    void onlyAbsoluteHttpLinksExist() {
        assertThrows(BadInputException.class, () -> new ReportLink("x", "javascript:alert(1)"));
        assertThrows(BadInputException.class, () -> new ReportLink("x", "/relative"));
        assertThrows(BadInputException.class, () -> new ReportLink("x", "http://a/{service}"));
    }

    private static JsonNode flameData(String html) throws IOException {
        String marker = "id=\"flame-data\">";
        int start = html.indexOf(marker) + marker.length();
        byte[] gz = Base64.getDecoder().decode(html.substring(start, html.indexOf("</script>", start)));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new ObjectMapper().readTree(in.readAllBytes());
        }
    }
}
