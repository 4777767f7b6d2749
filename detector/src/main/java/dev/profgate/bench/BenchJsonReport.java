package dev.profgate.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.analysis.Finding;
import dev.profgate.report.JsonReport;
import java.util.List;

/**
 * {@code report.json} of a bench run (same schema version and {@code tool} as {@link JsonReport},
 * {@code "mode": "bench"}): the verdict, what ran, {@code environmentMismatches} (as in compare),
 * {@code benchmarks[]} (per benchmark the fork scores, medians, ratio head/base with its interval, slowdown, p, q,
 * verdict, the same for the CPU time per operation in {@code cpu} (null when not measured) and the per-type profile
 * comparisons in the compare layout), and {@code findings[]}, every function finding of every benchmark with its
 * {@code benchmark}, {@code profileType}, {@code perOp} cost and the catalog {@code rules} that explain it.
 */
public final class BenchJsonReport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BenchJsonReport() {
    }

    /** The JSON text, ending in a newline. */
    public static String render(BenchReport report) {
        BenchOutcome outcome = report.outcome();
        BenchRunInfo run = report.run();
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
        JsonReport.tool(root);
        root.put("mode", "bench");
        root.put("verdict", outcome.verdict().label());
        root.putObject("run").put("base", run.base()).put("head", run.head()).put("settings", run.settings());
        JsonReport.mismatches(root.putArray("environmentMismatches"), outcome.environmentMismatches());
        ArrayNode benchmarks = root.putArray("benchmarks");
        ArrayNode findings = root.putArray("findings");
        for (BenchmarkResult result : outcome.benchmarks()) {
            benchmarks.add(benchmark(result, report));
            for (ProfileComparison profile : result.profiles()) {
                for (Finding finding : profile.comparison().findings()) {
                    ObjectNode node = JsonReport.finding(finding, report.rules(finding));
                    node.put("benchmark", result.benchmark());
                    node.put("profileType", profile.comparison().profileType());
                    perOp(node, profile, finding);
                    findings.add(node);
                }
            }
        }
        JsonReport.strings(root.putArray("notes"), outcome.notes());
        return JsonReport.text(root);
    }

    private static ObjectNode benchmark(BenchmarkResult result, BenchReport report) {
        ObjectNode node = NODES.objectNode();
        node.put("benchmark", result.benchmark());
        node.put("verdict", result.verdict().label());
        comparison(node, result.score());
        node.put("scoreVerdict", result.score().verdict().label());
        if (result.cpu() == null) {
            node.putNull("cpu");
        } else {
            ObjectNode cpu = node.putObject("cpu");
            comparison(cpu, result.cpu());
            cpu.put("verdict", result.cpu().verdict().label());
        }
        ArrayNode profiles = node.putArray("profiles");
        for (ProfileComparison profile : result.profiles()) {
            ObjectNode comparison = JsonReport.toJson(profile.comparison(), report::rules, List.of());
            comparison.remove(List.of("schemaVersion", "tool"));
            if (profile.perOperation()) {
                comparison.put("perOpUnit", profile.perOpUnit());
                JsonReport.number(comparison, "basePerOpScale", profile.baseScale());
                JsonReport.number(comparison, "headPerOpScale", profile.headScale());
            }
            profiles.add(comparison);
        }
        JsonReport.strings(node.putArray("notes"), result.notes());
        return node;
    }

    /** The fields of one metric's comparison: unit, sides, ratio with interval, slowdown, p, q, significance. */
    private static void comparison(ObjectNode node, ScoreComparison s) {
        node.put("unit", s.unit());
        node.set("base", side(s.baseMedian(), s.base()));
        node.set("head", side(s.headMedian(), s.head()));
        JsonReport.number(node, "ratio", s.ratio());
        JsonReport.interval(node, s.ratioCi());
        node.put("ciFullCoverage", s.fullCoverage());
        JsonReport.number(node, "slowdown", s.slowdown());
        JsonReport.number(node, "pValue", s.pValue());
        JsonReport.number(node, "qValue", s.qValue());
        node.put("significant", s.significant());
    }

    private static ObjectNode side(double median, List<Double> forks) {
        ObjectNode node = NODES.objectNode();
        JsonReport.number(node, "median", median);
        ArrayNode scores = node.putArray("forks");
        forks.forEach(scores::add);
        return node;
    }

    private static void perOp(ObjectNode node, ProfileComparison profile, Finding finding) {
        if (!profile.perOperation()) {
            node.putNull("perOp");
            return;
        }
        ObjectNode perOp = node.putObject("perOp");
        perOp.put("unit", profile.perOpUnit());
        JsonReport.number(perOp, "base", profile.basePerOp(finding));
        JsonReport.number(perOp, "head", profile.headPerOp(finding));
        JsonReport.number(perOp, "delta", profile.headPerOp(finding) - profile.basePerOp(finding));
    }
}
