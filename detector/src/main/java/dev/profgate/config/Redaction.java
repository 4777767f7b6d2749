package dev.profgate.config;

import dev.profgate.model.Profile;
import dev.profgate.model.StackSamples;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The {@code redact} section of {@code profgate.yml}: regular expressions whose matches in function and source file
 * names are replaced, in order, before anything is compared or reported, so no output shows them. Each item is a
 * pattern (replaced by {@value #DEFAULT_REPLACEMENT}) or a mapping of {@code pattern} and {@code replacement} (taken
 * literally). Policy globs ({@code ignore}, {@code budgets}) and rules see the redacted names.
 */
public record Redaction(List<Rule> rules) {
    /** What a match becomes when an item names no replacement. */
    public static final String DEFAULT_REPLACEMENT = "[redacted]";
    static final String KEY = "redact";
    private static final List<String> RULE_KEYS = List.of("pattern", "replacement");

    public Redaction {
        rules = List.copyOf(rules);
    }

    /** One pattern and the literal text its matches become. */
    public record Rule(Pattern pattern, String replacement) {
    }

    /** Nothing redacted. */
    public static Redaction none() {
        return new Redaction(List.of());
    }

    /** The redaction of the policy file {@code config} (the other keys are the {@link ConfigLoader}'s). */
    public static Redaction load(Path config) {
        return Settings.load(config).redaction();
    }

    /** The redaction of policy YAML read from {@code reader}; {@code name} is used in error messages. */
    public static Redaction parse(Reader reader, String name) {
        return of(YamlNodes.compose(reader, name), name);
    }

    /** The redaction of a composed policy document ({@code root} null when empty). */
    static Redaction of(Node root, String name) {
        YamlNodes nodes = new YamlNodes(name);
        Node section = nodes.section(root, KEY);
        if (section == null) {
            return none();
        }
        List<Rule> rules = new ArrayList<>();
        for (Node item : nodes.sequence(section, "'" + KEY + "'").getValue()) {
            rules.add(rule(nodes, item));
        }
        return new Redaction(rules);
    }

    /** {@code name} with every non-empty match of each pattern, in order, replaced. */
    public String apply(String name) {
        String result = name;
        for (Rule rule : rules) {
            result = replace(rule, result);
        }
        return result;
    }

    /** The samples with their function and file names redacted (the same samples when there is nothing to redact). */
    public StackSamples apply(StackSamples samples) {
        return rules.isEmpty() ? samples : samples.renamed(this::apply);
    }

    /** The profiles with their function and file names redacted (the same list when there is nothing to redact). */
    public List<Profile> apply(List<Profile> profiles) {
        return rules.isEmpty() ? profiles : profiles.stream().map(p -> p.renamed(this::apply)).toList();
    }

    private static String replace(Rule rule, String name) {
        Matcher matcher = rule.pattern().matcher(name);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                out.append(name, copied, matcher.start()).append(rule.replacement());
                copied = matcher.end();
            }
        }
        return copied == 0 ? name : out.append(name, copied, name.length()).toString();
    }

    private static Rule rule(YamlNodes nodes, Node item) {
        if (item instanceof ScalarNode) {
            return new Rule(pattern(nodes, item), DEFAULT_REPLACEMENT);
        }
        MappingNode mapping = nodes.mapping(item, "a '" + KEY + "' item (a pattern, or pattern and replacement)");
        nodes.checkKeys(mapping, RULE_KEYS);
        Node replacement = nodes.value(mapping, "replacement");
        return new Rule(pattern(nodes, nodes.required(mapping, "pattern")),
                replacement == null ? DEFAULT_REPLACEMENT : nodes.string(replacement, KEY + ".replacement"));
    }

    private static Pattern pattern(YamlNodes nodes, Node node) {
        String regex = nodes.string(node, KEY + ".pattern");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw nodes.error(node, "'" + KEY + ".pattern' is not a regular expression: " + e.getDescription()
                    + " at index " + e.getIndex());
        }
    }
}
