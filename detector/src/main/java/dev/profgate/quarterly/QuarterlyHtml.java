package dev.profgate.quarterly;

import dev.profgate.analysis.Growth;
import dev.profgate.report.Xml;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML of a quarterly report: self-contained and without script (readable under Jenkins' default CSP), the trend
 * charts inline as SVG, every name escaped.
 */
final class QuarterlyHtml {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1100px}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:left;vertical-align:top}td.n{text-align:right}code{font-size:90%}";

    private QuarterlyHtml() {
    }

    static String render(QuarterlyData data, Map<String, String> charts) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Quarterly optimization "
                + "report ").append(Xml.text(data.name())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>Quarterly optimization report ").append(Xml.text(data.name()))
                .append("</h1>\n<p>").append(Xml.text(data.from() + " to " + data.to() + ", " + data.weeks().size()
                        + " weeks, " + data.source())).append("</p>\n<h2>Summary</h2>\n<ul id=\"summary\">\n");
        data.summary().forEach(line -> html.append("<li>").append(Xml.text(line)).append("</li>\n"));
        html.append("</ul>\n");
        String currency = data.cost().currency();
        for (QuarterlyData.Service service : data.services()) {
            html.append("<h2>").append(Xml.text(service.name())).append("</h2>\n<figure class=\"trend\">")
                    .append(charts.get(service.chartFile())).append("<figcaption>Weekly self share</figcaption>"
                            + "</figure>\n");
            growers(html, service);
            antiPatterns(html, service.antiPatterns(), currency);
            functions(html, "Top functions by self share", service.topSelf(), currency);
            functions(html, "Top functions by total share", service.topTotal(), currency);
        }
        html.append("<h2>Method</h2>\n<ul>\n");
        data.notes().forEach(note -> html.append("<li>").append(Xml.text(note)).append("</li>\n"));
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private static void growers(StringBuilder html, QuarterlyData.Service service) {
        List<Growth> growers = service.growers();
        html.append("<h3>Biggest growers</h3>\n<p class=\"growth-test\">Tested: ")
                .append(Xml.text(service.growthMethod().description())).append(".</p>\n");
        if (growers.isEmpty()) {
            html.append("<p>No function grew significantly.</p>\n");
            return;
        }
        html.append("<table class=\"growers\"><tr><th>#</th><th>function</th><th>")
                .append(Xml.text(service.growthMethod().shares())).append("</th>"
                        + "<th>change (95% CI)</th><th>total change</th><th>q</th></tr>\n");
        for (int i = 0; i < growers.size(); i++) {
            Growth g = growers.get(i);
            html.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%d</td><td><code>%s</code></td><td>%s → %s"
                            + "</td><td>%s (%s, %s)</td><td>%s</td><td class=\"n\">%.2g</td></tr>%n", i + 1,
                    Xml.text(g.function()), QuarterlyMarkdown.pct(g.early()), QuarterlyMarkdown.pct(g.late()),
                    QuarterlyMarkdown.pp(g.delta()), QuarterlyMarkdown.pp(g.ci().low()),
                    QuarterlyMarkdown.pp(g.ci().high()), QuarterlyMarkdown.pp(g.totalDelta()), g.qValue()));
        }
        html.append("</table>\n");
    }

    private static void antiPatterns(StringBuilder html, List<QuarterlyData.AntiPattern> found, String currency) {
        html.append("<h3>Anti-patterns by estimated saving</h3>\n");
        if (found.isEmpty()) {
            html.append("<p>No catalog anti-pattern found.</p>\n");
            return;
        }
        html.append("<table class=\"anti-patterns\"><tr><th>rule</th><th>called from</th><th>since week</th>"
                + "<th>share</th><th>saving per quarter</th><th>advice</th></tr>\n");
        for (QuarterlyData.AntiPattern a : found) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s (%s)</td><td><code>%s</code></td><td class=\"n\">%d"
                            + "</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td></tr>%n",
                    Xml.text(a.title()), Xml.text(a.rule()), Xml.text(a.caller()), a.firstWeek(),
                    QuarterlyMarkdown.pct(a.share()), Xml.text(QuarterlyMarkdown.money(a.saving(), currency)),
                    Xml.text(a.advice())));
        }
        html.append("</table>\n");
    }

    private static void functions(StringBuilder html, String title, List<QuarterlyData.FunctionRow> rows,
                                  String currency) {
        html.append("<h3>").append(title).append("</h3>\n<table><tr><th>function</th><th>self</th><th>total</th>"
                + "<th>self cost</th><th>total cost</th></tr>\n");
        for (QuarterlyData.FunctionRow r : rows) {
            html.append(String.format(Locale.ROOT, "<tr><td><code>%s</code></td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>%n",
                    Xml.text(r.function()), QuarterlyMarkdown.pct(r.selfShare()),
                    QuarterlyMarkdown.pct(r.totalShare()), Xml.text(QuarterlyMarkdown.money(r.selfCost(), currency)),
                    Xml.text(QuarterlyMarkdown.money(r.totalCost(), currency))));
        }
        html.append("</table>\n");
    }
}
