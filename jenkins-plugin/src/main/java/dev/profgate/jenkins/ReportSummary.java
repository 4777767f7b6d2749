package dev.profgate.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build shows and returns of a profgate report folder, read from its {@code report.json} (written by
 * {@code compare}, {@code bench} and {@code deploy-check} alike): the verdict, the profile type and the findings,
 * with the counts the GitHub Action also outputs.
 */
public record ReportSummary(Verdict verdict, String profileType, List<Finding> findings) {
    /** The machine-readable report in a report folder. */
    public static final String REPORT_JSON = "report.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReportSummary {
        findings = List.copyOf(findings);
    }

    /** Reads {@code report.json} in {@code reportDir}. */
    public static ReportSummary read(Path reportDir) {
        Path file = reportDir.resolve(REPORT_JSON);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new BadReportException(file.toString(), "not found; give the folder profgate wrote with --out");
        } catch (IOException e) {
            throw new BadReportException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** The summary of {@code json}, the text of a report.json; {@code source} names it in errors. */
    public static ReportSummary parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new BadReportException(source, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject() || !root.has("verdict")) {
            throw new BadReportException(source, "is not a profgate report.json (no verdict)");
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : root.path("findings")) {
            findings.add(finding(node, source));
        }
        return new ReportSummary(Verdict.of(root.path("verdict").asText(), source),
                root.path("profileType").asText(""), findings);
    }

    /** Findings of kinds regression and new. */
    public long regressions() {
        return findings.stream().filter(Finding::isRegression).count();
    }

    /** Findings of kinds improvement and gone. */
    public long improvements() {
        return findings.stream().filter(Finding::isImprovement).count();
    }

    /** Findings whose own severity is {@code severity}. */
    public long withSeverity(Verdict severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The {@code limit} largest regressions, largest share increase first. */
    public List<Finding> topRegressions(int limit) {
        return findings.stream().filter(Finding::isRegression)
                .sorted(Comparator.comparingDouble((Finding f) -> Double.isNaN(f.delta()) ? 0 : f.delta()).reversed())
                .limit(limit).toList();
    }

    /**
     * What a pipeline step returns: {@code verdict}, {@code findings}, {@code regressions}, {@code improvements},
     * {@code failing} (findings that fail on their own), {@code warnings}; the names of the GitHub Action's outputs.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.label());
        map.put("findings", findings.size());
        map.put("regressions", (int) regressions());
        map.put("improvements", (int) improvements());
        map.put("failing", (int) withSeverity(Verdict.FAIL));
        map.put("warnings", (int) withSeverity(Verdict.WARN));
        return map;
    }

    private static Finding finding(JsonNode node, String source) {
        List<String> rules = new ArrayList<>();
        node.path("rules").forEach(rule -> rules.add(rule.path("id").asText()));
        JsonNode location = node.path("source");
        return new Finding(node.path("function").asText(), node.path("kind").asText(),
                Verdict.of(node.path("severity").asText("pass"), source), number(node.path("delta")),
                number(node.path("qValue")), location.path("file").isTextual() ? location.path("file").asText() : null,
                location.path("line").asInt(0), rules);
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
