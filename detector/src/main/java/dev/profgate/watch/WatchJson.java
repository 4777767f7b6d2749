package dev.profgate.watch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.report.JsonReport;
import java.util.List;

/**
 * The {@code report.json} of a watch run ({@code schema: profgate.watch}, version {@link #SCHEMA_VERSION}): each change
 * point and transient with the engine's finding as compare writes it, its step, q over the run and series; each creep
 * with its trend. Shares are fractions; a step without samples is {@code null}.
 */
final class WatchJson {
    static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WatchJson() {
    }

    static String render(WatchReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", "profgate.watch").put("schemaVersion", SCHEMA_VERSION);
        JsonReport.tool(root);
        root.put("verdict", report.verdict().label()).put("source", report.source())
                .put("from", report.grid().from().toString()).put("step", report.grid().step().toString())
                .put("steps", report.grid().count());
        List<Charted> charted = Charted.of(report);
        int index = 0;
        ArrayNode points = root.putArray("changePoints");
        for (ChangePoint point : report.changePoints()) {
            ObjectNode node = point(points.addObject(), point, charted.get(index++).file());
            report.deployOf(point).ifPresent(deployed -> deploy(node, deployed));
        }
        ArrayNode transients = root.putArray("transients");
        for (ChangePoint point : report.transients()) {
            point(transients.addObject(), point, charted.get(index++).file()).put("revertedAt", point.revertedAt());
        }
        ArrayNode creeps = root.putArray("creeps");
        for (Creep creep : report.creeps()) {
            ObjectNode node = creeps.addObject().put("service", creep.service()).put("function", creep.function());
            JsonReport.number(node, "first", creep.trend().first());
            JsonReport.number(node, "last", creep.trend().last());
            JsonReport.number(node, "delta", creep.trend().delta());
            JsonReport.interval(node, creep.trend().ci());
            JsonReport.number(node, "pValue", creep.trend().pValue());
            JsonReport.number(node, "qValue", creep.qValue());
            node.put("chart", charted.get(index++).file());
            shares(node, creep.series());
        }
        JsonReport.strings(root.putArray("notes"), report.notes());
        return JsonReport.text(root);
    }

    private static ObjectNode point(ObjectNode node, ChangePoint point, String chart) {
        node.put("service", point.service()).put("step", point.step()).put("at", point.at().toString());
        JsonReport.number(node, "runQValue", point.qValue());
        node.set("finding", JsonReport.finding(point.finding(), point.rules()));
        level(node.putObject("before"), point.series().before());
        level(node.putObject("after"), point.series().after());
        node.put("chart", chart);
        ArrayNode related = node.putArray("related");
        point.related().forEach(r -> point(related.addObject(), r, null));
        ArrayNode links = node.putArray("links");
        point.links().forEach(link -> links.addObject().put("label", link.label()).put("url", link.url()));
        shares(node, point.series());
        return node;
    }

    /** The deploy a change point follows ({@code deploy: null} when none was near) and the commits implicated. */
    private static void deploy(ObjectNode node, Deployed deployed) {
        if (deployed.match() == null) {
            node.putNull("deploy");
            return;
        }
        ObjectNode deploy = node.putObject("deploy").put("version", deployed.match().deploy().version())
                .put("at", deployed.match().deploy().at().toString());
        Deploy previous = deployed.match().previous();
        if (previous != null) {
            deploy.put("previous", previous.version());
        }
        if (deployed.attribution() != null) {
            ArrayNode commits = deploy.putArray("commits");
            deployed.attribution().implicated().forEach(s -> {
                ObjectNode commit = commits.addObject().put("sha", s.commit().sha())
                        .put("subject", s.commit().subject()).put("confidence", s.confidence().label())
                        .put("evidence", s.evidence());
                deployed.prs().getOrDefault(s.commit().sha(), List.of()).forEach(commit.putArray("pullRequests")::add);
            });
        }
    }

    private static void level(ObjectNode node, Level level) {
        node.put("from", level.from()).put("to", level.to());
        JsonReport.number(node, "share", level.share());
        JsonReport.number(node, "low", level.low());
        JsonReport.number(node, "high", level.high());
    }

    private static void shares(ObjectNode node, Series series) {
        ArrayNode shares = node.putArray("series");
        for (double share : series.shares()) {
            if (Double.isNaN(share)) {
                shares.addNull();
            } else {
                shares.add(share);
            }
        }
    }
}
