package dev.profgate.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.analysis.SourceRef;
import dev.profgate.analysis.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One finding of {@code report.json} as the publisher needs it: function, kind, own verdict, change in share points,
 * source location as the profile named it, call path (root first), the catalog rules that explain it, and the
 * benchmark it belongs to (bench mode; empty otherwise).
 */
public record ReportFinding(String function, String kind, Verdict severity, double delta, SourceRef source,
                            List<String> callPath, List<Rule> rules, String benchmark) {
    public ReportFinding {
        callPath = List.copyOf(callPath);
        rules = List.copyOf(rules);
    }

    /** A catalog rule hit: the rule and the application frame ({@code caller}) where the advice applies. */
    public record Rule(String id, String title, String advice, String caller, SourceRef source) {
    }

    static ReportFinding of(JsonNode node, Path file) {
        List<String> callPath = new ArrayList<>();
        node.path("callPath").forEach(frame -> callPath.add(frame.asText()));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : node.path("rules")) {
            rules.add(new Rule(rule.path("id").asText(""), rule.path("title").asText(""),
                    rule.path("advice").asText(""), rule.path("caller").asText(""), source(rule.path("source"))));
        }
        return new ReportFinding(node.path("function").asText(""), node.path("kind").asText(""),
                ReportFolder.verdict(node, "severity", file), node.path("delta").asDouble(Double.NaN),
                source(node.path("source")), callPath, rules, node.path("benchmark").asText(""));
    }

    private static SourceRef source(JsonNode node) {
        return new SourceRef(node.path("file").asText(""), node.path("line").asInt(0));
    }
}
