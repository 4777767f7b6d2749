package dev.profgate.quarterly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.analysis.Growth;
import dev.profgate.report.JsonReport;
import java.util.List;

/**
 * The {@code report.json} of a quarterly report ({@code schema: profgate.quarterly}, version
 * {@link #SCHEMA_VERSION}, {@code tool} as in {@link JsonReport}): the data behind the HTML and Markdown. Shares are
 * fractions; non-finite numbers (weeks without samples in a trend) are {@code null}.
 */
final class QuarterlyJson {
    static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QuarterlyJson() {
    }

    static String render(QuarterlyData data) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", "profgate.quarterly").put("schemaVersion", SCHEMA_VERSION);
        JsonReport.tool(root);
        root.put("quarter", data.name()).put("from", data.from()).put("to", data.to()).put("source", data.source());
        data.weeks().forEach(root.putArray("weeks")::add);
        root.putObject("cost").put("coreHourPrice", data.cost().coreHourPrice())
                .put("fleetCores", data.cost().fleetCores()).put("currency", data.cost().currency());
        data.summary().forEach(root.putArray("summary")::add);
        ArrayNode services = root.putArray("services");
        data.services().forEach(service -> service(services.addObject(), service));
        data.notes().forEach(root.putArray("notes")::add);
        return JsonReport.text(root);
    }

    private static void service(ObjectNode node, QuarterlyData.Service service) {
        node.put("name", service.name()).put("samples", service.samples()).put("coreHours", service.coreHours())
                .put("chart", service.chartFile()).put("growthTest", service.growthMethod().key());
        ArrayNode growers = node.putArray("growers");
        for (Growth g : service.growers()) {
            ObjectNode grower = growers.addObject().put("function", g.function());
            JsonReport.number(grower, "early", g.early());
            JsonReport.number(grower, "late", g.late());
            JsonReport.number(grower, "delta", g.delta());
            JsonReport.number(grower, "ciLow", g.ci().low());
            JsonReport.number(grower, "ciHigh", g.ci().high());
            JsonReport.number(grower, "pValue", g.pValue());
            JsonReport.number(grower, "qValue", g.qValue());
            JsonReport.number(grower, "totalDelta", g.totalDelta());
        }
        ArrayNode found = node.putArray("antiPatterns");
        for (QuarterlyData.AntiPattern a : service.antiPatterns()) {
            found.addObject().put("rule", a.rule()).put("title", a.title()).put("caller", a.caller())
                    .put("firstWeek", a.firstWeek()).put("share", a.share()).put("saving", a.saving())
                    .put("advice", a.advice());
        }
        functions(node.putArray("topSelf"), service.topSelf());
        functions(node.putArray("topTotal"), service.topTotal());
        ArrayNode trends = node.putArray("trends");
        for (QuarterlyData.Trend t : service.trends()) {
            ArrayNode shares = trends.addObject().put("function", t.function()).putArray("selfShares");
            for (double share : t.shares()) {
                if (Double.isFinite(share)) {
                    shares.add(share);
                } else {
                    shares.addNull();
                }
            }
        }
    }

    private static void functions(ArrayNode rows, List<QuarterlyData.FunctionRow> functions) {
        for (QuarterlyData.FunctionRow r : functions) {
            rows.addObject().put("function", r.function()).put("selfShare", r.selfShare())
                    .put("totalShare", r.totalShare()).put("selfCost", r.selfCost()).put("totalCost", r.totalCost());
        }
    }
}
