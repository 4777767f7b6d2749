package dev.profgate.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.config.DeploySettings;
import dev.profgate.report.ReportLink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The links a deploy check's reports show: the base and head windows (and their diff, for Pyroscope) in the
 * profiling UI, in Grafana Explore when a Grafana URL and Pyroscope data source uid are set, and the matching trace
 * search when a trace URL template is set. The template's placeholders {@code {service}}, {@code {selector}},
 * {@code {startMs}}, {@code {endMs}}, {@code {startUs}}, {@code {endUs}}, {@code {start}}, {@code {end}} (seconds)
 * are replaced by URL-encoded values. {@code ui}, {@code grafana} and {@code traces} may be null.
 */
public record DeployLinks(boolean parca, String ui, String grafana, String grafanaDatasource, String traces) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One side's window: the selector, the service it names (may be null) and the range in milliseconds. */
    public record Window(String selector, String service, long startMs, long endMs) {
    }

    /** The links of the server settings {@code s}: its UI (else the server itself), Grafana and trace search. */
    public static DeployLinks of(DeploySettings s) {
        DeploySettings.Links links = s.links();
        String ui = RemoteServer.httpUrl("--ui-url", links.ui() != null ? links.ui() : s.url());
        return new DeployLinks(RemoteServer.parca(s), ui, RemoteServer.httpUrl("--grafana-url", links.grafana()),
                links.grafanaDatasource(), RemoteServer.httpUrl("--trace-url", links.traces()));
    }

    /** Every link for profile type {@code type} over the {@code base} and {@code head} windows. */
    public List<ReportLink> links(String type, Window base, Window head) {
        List<ReportLink> links = new ArrayList<>();
        String system = parca ? "Parca" : "Pyroscope";
        if (ui != null) {
            links.add(new ReportLink("base window in " + system, uiView(type, base)));
            links.add(new ReportLink("head window in " + system, uiView(type, head)));
            if (!parca) {
                links.add(new ReportLink("base vs head diff in Pyroscope", trim(ui) + "/comparison-diff?leftQuery="
                        + encode(type + base.selector()) + "&leftFrom=" + base.startMs() / 1000 + "&leftUntil="
                        + base.endMs() / 1000 + "&rightQuery=" + encode(type + head.selector()) + "&rightFrom="
                        + head.startMs() / 1000 + "&rightUntil=" + head.endMs() / 1000));
            }
        }
        if (grafana != null && grafanaDatasource != null) {
            links.add(new ReportLink("base window in Grafana Explore", explore(type, base)));
            links.add(new ReportLink("head window in Grafana Explore", explore(type, head)));
        }
        if (traces != null) {
            links.add(new ReportLink("base window traces", traceSearch(base)));
            links.add(new ReportLink("head window traces", traceSearch(head)));
        }
        return links;
    }

    private String uiView(String type, Window w) {
        String query = encode(type + w.selector());
        return parca ? trim(ui) + "/?expression_a=" + query + "&from_a=" + w.startMs() + "&to_a=" + w.endMs()
                : trim(ui) + "/?query=" + query + "&from=" + w.startMs() / 1000 + "&until=" + w.endMs() / 1000;
    }

    /** Grafana Explore (schema version 1 panes) with one Pyroscope profile query over the window. */
    private String explore(String type, Window w) {
        ObjectNode panes = JSON.createObjectNode();
        ObjectNode pane = panes.putObject("profgate");
        pane.put("datasource", grafanaDatasource);
        ObjectNode query = pane.putArray("queries").addObject();
        query.put("refId", "A");
        query.putObject("datasource").put("type", "grafana-pyroscope-datasource").put("uid", grafanaDatasource);
        query.put("queryType", "profile");
        query.put("profileTypeId", type);
        query.put("labelSelector", w.selector());
        pane.putObject("range").put("from", Long.toString(w.startMs())).put("to", Long.toString(w.endMs()));
        return trim(grafana) + "/explore?schemaVersion=1&panes=" + encode(panes.toString()) + "&orgId=1";
    }

    private String traceSearch(Window w) {
        return traces.replace("{service}", encode(w.service() == null ? "" : w.service()))
                .replace("{selector}", encode(w.selector()))
                .replace("{startMs}", Long.toString(w.startMs())).replace("{endMs}", Long.toString(w.endMs()))
                .replace("{startUs}", Long.toString(w.startMs() * 1000)).replace("{endUs}", Long.toString(w.endMs() * 1000))
                .replace("{start}", Long.toString(w.startMs() / 1000)).replace("{end}", Long.toString(w.endMs() / 1000));
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
