package dev.profgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.rules.Language;
import dev.profgate.rules.Rule;
import dev.profgate.rules.RuleCatalog;
import java.util.List;
import java.util.Locale;

/**
 * The rule metadata of {@code report.sarif} ({@code tool.driver.rules}): the generic regression rule, used where no
 * catalog rule explains a regression, then every rule of the catalog in force with its title, what flags it, its
 * advice as help text and its reference link.
 */
final class SarifRules {
    /** The rule of regressions that no catalog rule explains. */
    static final String REGRESSION = "profgate/regression";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_FRAMES_NAMED = 6;

    private SarifRules() {
    }

    static ArrayNode of(RuleCatalog catalog) {
        ArrayNode rules = NODES.arrayNode();
        rules.add(descriptor(REGRESSION, "PerformanceRegression", "Significant performance regression",
                "A function's share of the profile grew between base and head: significant after false discovery "
                        + "rate control (Benjamini-Hochberg q-value) and above the policy's effect-size floors.",
                "Follow the call path to the culprit frame and compare what it does in base and head; the finding "
                        + "gives the change with its 95% confidence interval and q-value.", null, List.of()));
        for (Rule rule : catalog.rules()) {
            rules.add(descriptor(rule.id(), pascalCase(rule.id()), rule.title(), fullDescription(rule),
                    rule.advice(), rule.link(), rule.languages()));
        }
        return rules;
    }

    private static ObjectNode descriptor(String id, String name, String title, String description, String help,
                                         String link, List<Language> languages) {
        ObjectNode rule = NODES.objectNode();
        rule.put("id", id);
        rule.put("name", name);
        rule.putObject("shortDescription").put("text", title);
        rule.putObject("fullDescription").put("text", description);
        if (link != null) {
            rule.put("helpUri", link);
        }
        rule.putObject("help").put("text", help);
        ArrayNode tags = rule.putObject("properties").putArray("tags");
        tags.add("performance");
        languages.forEach(language -> tags.add(language.label()));
        return rule;
    }

    /** E.g. "Regular expression compiled on every call. Flagged when at least 25% of a function's significant growth
     * runs through regexp.MustCompile, regexp.Compile, … (go)." */
    private static String fullDescription(Rule rule) {
        List<String> frames = rule.frames().globs();
        String named = String.join(", ", frames.subList(0, Math.min(frames.size(), MAX_FRAMES_NAMED)))
                + (frames.size() > MAX_FRAMES_NAMED ? ", …" : "");
        String languages = String.join(", ", rule.languages().stream().map(Language::label).toList());
        return rule.title() + ". Flagged when at least " + Formats.rate(rule.minShare()) + " of a function's "
                + "significant growth runs through " + named
                + (rule.when() == Rule.When.NEW ? ", none of it in base" : "") + " (" + languages + ").";
    }

    /** {@code go-regexp-compile-per-call} as {@code GoRegexpCompilePerCall}. */
    private static String pascalCase(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
