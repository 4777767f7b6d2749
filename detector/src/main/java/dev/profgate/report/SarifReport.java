package dev.profgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.SourceRef;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Names;
import dev.profgate.base.Version;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code report.sarif}: SARIF 2.1.0 for code scanning. The driver's rules are the generic regression rule and the
 * catalog ({@link SarifRules}). Every rule hit of a grown finding is a result of its catalog rule, located at the
 * application frame that calls the expensive one; a regression or new function that fails or warns and that no rule
 * explains is a {@value SarifRules#REGRESSION} result located at the culprit. Level: error where the finding fails
 * the gate, warning where it warns, note otherwise. Results are located in source where the profile names a file
 * (the URI is that file as the profile spells it, percent-encoded) and always by function name; their partial
 * fingerprint hashes the rule and function names only, so it is stable across runs.
 */
public final class SarifReport {
    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** Where users read about the tool: its README, which explains findings, rules and the verdict. */
    static final String INFORMATION_URI = Version.HOME + "#readme";
    /** The base of every location: the root of the repository the run was made in. */
    static final String SRCROOT = "%SRCROOT%";
    /**
     * Results kept per run: GitHub code scanning stores the top 5,000 of a run (and rejects over 25,000); findings
     * are ranked, so the first are the ones it would keep.
     */
    static final int MAX_RESULTS = 5_000;
    /** The key of profgate's partial fingerprint (a version suffix, as SARIF suggests). */
    static final String FINGERPRINT = "profgateFinding/v1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SarifReport() {
    }

    /** The SARIF log of {@code data}, ending in a newline. */
    public static String render(ReportData data) {
        return render(data.catalog(), List.of(data), data.comparison().verdict(), data.gate(),
                data.comparison().profileType(), data.links());
    }

    /**
     * The SARIF log of {@code comparisons} under one gate: the catalog's rules, each finding's results once (by
     * fingerprint), and the run's verdict, profile types and links as properties.
     */
    public static String render(RuleCatalog catalog, List<ReportData> comparisons, Verdict verdict, String gate,
                                String profileType, List<ReportLink> reportLinks) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "profgate");
        driver.put("version", Version.NUMBER);
        driver.put("semanticVersion", Version.NUMBER);
        driver.put("informationUri", INFORMATION_URI);
        driver.putObject("properties").put("commit", Version.COMMIT);
        driver.set("rules", SarifRules.of(catalog));
        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The root of the git checkout profgate ran in; locations are repository paths.");
        ArrayNode results = run.putArray("results");
        Set<String> fingerprints = new HashSet<>();
        for (ReportData data : comparisons) {
            for (Finding finding : data.comparison().findings()) {
                for (ObjectNode result : results(data, finding)) {
                    if (results.size() < MAX_RESULTS
                            && fingerprints.add(result.get("partialFingerprints").get(FINGERPRINT).textValue())) {
                        results.add(result);
                    }
                }
            }
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("verdict", verdict.label());
        properties.put("gate", gate);
        properties.put("profileType", profileType);
        ArrayNode links = properties.putArray("links");
        reportLinks.forEach(link -> links.addObject().put("label", link.label()).put("url", link.url()));
        return JsonReport.text(log);
    }

    private static List<ObjectNode> results(ReportData data, Finding finding) {
        List<RuleHit> hits = data.hits(finding);
        if (!hits.isEmpty()) {
            return hits.stream().map(hit -> ruleResult(data, finding, hit)).toList();
        }
        boolean grew = finding.severity() != Verdict.PASS;
        return grew ? List.of(regressionResult(data, finding)) : List.of();
    }

    private static ObjectNode ruleResult(ReportData data, Finding finding, RuleHit hit) {
        String function = hit.caller().isEmpty() ? hit.frame() : hit.caller();
        String text = CiText.hitSummary(hit) + ", under " + Names.printable(finding.function()) + " ("
                + CiText.change(finding) + "). " + Names.printable(hit.advice());
        return result(hit.id(), finding.severity(), text, function, place(data, hit.source(), function),
                fingerprint(hit.id(), function));
    }

    private static ObjectNode regressionResult(ReportData data, Finding finding) {
        String text = CiText.summary(finding) + ". " + Names.printable(finding.function()) + ": "
                + Labels.kind(finding) + ", base " + Formats.percent(finding.base()) + " → head "
                + Formats.percent(finding.head()) + ". Call path: " + CiText.callPath(finding.callPath()) + ".";
        return result(SarifRules.REGRESSION, finding.severity(), text, finding.function(),
                place(data, finding.source(), finding.function()),
                fingerprint(SarifRules.REGRESSION, finding.function(), finding.metric().label()));
    }

    /** The physical location of a frame on a repository line, if it maps to one (else none: logical only). */
    private static Optional<ObjectNode> place(ReportData data, SourceRef source, String function) {
        return data.repo().path(source, function).map(path -> {
            ObjectNode physical = NODES.objectNode();
            physical.putObject("artifactLocation").put("uri", PathUri.of(path)).put("uriBaseId", SRCROOT);
            physical.putObject("region").put("startLine", source.line());
            return physical;
        });
    }

    private static ObjectNode result(String ruleId, Verdict severity, String text, String function,
                                     Optional<ObjectNode> physical, String fingerprint) {
        ObjectNode result = NODES.objectNode();
        result.put("ruleId", ruleId);
        result.put("level", level(severity));
        result.putObject("message").put("text", messageText(text));
        ObjectNode location = result.putArray("locations").addObject();
        physical.ifPresent(p -> location.set("physicalLocation", p));
        location.putArray("logicalLocations").addObject()
                .put("fullyQualifiedName", Names.printable(function)).put("kind", "function");
        result.putObject("partialFingerprints").put(FINGERPRINT, fingerprint);
        return result;
    }

    private static String level(Verdict severity) {
        return switch (severity) {
            case FAIL -> "error";
            case WARN -> "warning";
            case PASS -> "note";
        };
    }

    /** Plain text for a SARIF message: brackets and backslashes escaped so that no name reads as an embedded link. */
    static String messageText(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static String fingerprint(String... identity) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(String.join("\u0000", identity)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
