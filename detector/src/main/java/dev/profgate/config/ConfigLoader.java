package dev.profgate.config;

import dev.profgate.analysis.Policy;
import dev.profgate.base.Limits;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads the verdict policy from {@code profgate.yml}. Keys: {@code fdr}, {@code type}, {@code fail} and
 * {@code warn} ({@code absolute}, {@code relative}), {@code budgets} (list of {@code function}, {@code maxShare}),
 * {@code ignore} (list of globs), {@code overdispersion}, {@code runVariation}, {@code replicatesPerProfile}; {@code rules} is read by
 * {@link RuleSettings}, {@code redact} by {@link Redaction}, {@code deploy} by {@link DeploySettings}. Shares are
 * fractions ({@code 0.005}) or percentages ({@code "0.5%"}); a missing key keeps its default. Unknown keys, wrong types and
 * out-of-range values are errors naming the file and line.
 */
public final class ConfigLoader {
    private static final List<String> KEYS = List.of("fdr", "type", "fail", "warn", "budgets", "ignore",
            "overdispersion", "runVariation", "replicatesPerProfile", RuleSettings.KEY, Redaction.KEY, DeploySettings.KEY,
            CostSettings.KEY, Limits.KEY, WatchSettings.KEY);
    private static final List<String> FLOOR_KEYS = List.of("absolute", "relative");
    private static final List<String> BUDGET_KEYS = List.of("function", "maxShare");

    private ConfigLoader() {
    }

    public static Policy load(Path path) {
        return Settings.load(path).policy();
    }

    /** Parses policy YAML from {@code reader}; {@code name} is used in error messages. */
    public static Policy parse(Reader reader, String name) {
        return policy(YamlNodes.compose(reader, name), name);
    }

    /** The policy of a composed policy document ({@code root} null when empty). */
    static Policy policy(Node root, String name) {
        Policy defaults = Policy.defaults();
        if (root == null) {
            return defaults;
        }
        YamlNodes nodes = new YamlNodes(name);
        MappingNode mapping = nodes.mapping(root, "the settings");
        nodes.checkKeys(mapping, KEYS);
        Node fdr = nodes.value(mapping, "fdr");
        Node type = nodes.value(mapping, "type");
        Node fail = nodes.value(mapping, "fail");
        Node warn = nodes.value(mapping, "warn");
        Node budgets = nodes.value(mapping, "budgets");
        Node ignore = nodes.value(mapping, "ignore");
        Node overdispersion = nodes.value(mapping, "overdispersion");
        Node runVariation = nodes.value(mapping, "runVariation");
        Node windows = nodes.value(mapping, "replicatesPerProfile");
        return new Policy(
                fdr == null ? defaults.fdr() : fdr(nodes, fdr),
                type == null ? defaults.type() : nodes.string(type, "type"),
                fail == null ? defaults.fail() : floors(nodes, fail, "fail", defaults.fail()),
                warn == null ? defaults.warn() : floors(nodes, warn, "warn", defaults.warn()),
                budgets == null ? defaults.budgets() : budgets(nodes, budgets),
                ignore == null ? defaults.ignore() : nodes.strings(ignore, "ignore"),
                overdispersion == null ? defaults.overdispersion()
                        : nodes.number(overdispersion, "overdispersion", 1, 1000),
                runVariation == null ? defaults.runVariation() : nodes.number(runVariation, "runVariation", 0, 10),
                windows == null ? defaults.replicatesPerProfile()
                        : nodes.integer(windows, "replicatesPerProfile", 2, 1000));
    }

    private static double fdr(YamlNodes nodes, Node node) {
        double fdr = nodes.number(node, "fdr", 0, 1);
        if (fdr == 0) {
            throw nodes.error(node, "'fdr' must be above 0");
        }
        return fdr;
    }

    private static Policy.Floors floors(YamlNodes nodes, Node node, String key, Policy.Floors defaults) {
        MappingNode mapping = nodes.mapping(node, "'" + key + "'");
        nodes.checkKeys(mapping, FLOOR_KEYS);
        Node absolute = nodes.value(mapping, "absolute");
        Node relative = nodes.value(mapping, "relative");
        return new Policy.Floors(
                absolute == null ? defaults.absolute() : nodes.share(absolute, key + ".absolute", 1),
                relative == null ? defaults.relative() : nodes.share(relative, key + ".relative", 1000));
    }

    private static List<Policy.Budget> budgets(YamlNodes nodes, Node node) {
        List<Policy.Budget> budgets = new ArrayList<>();
        for (Node item : nodes.sequence(node, "'budgets'").getValue()) {
            MappingNode mapping = nodes.mapping(item, "a budget");
            nodes.checkKeys(mapping, BUDGET_KEYS);
            Node function = nodes.required(mapping, "function");
            Node maxShare = nodes.required(mapping, "maxShare");
            budgets.add(new Policy.Budget(nodes.string(function, "budgets.function"),
                    nodes.share(maxShare, "budgets.maxShare", 1)));
        }
        return budgets;
    }
}
