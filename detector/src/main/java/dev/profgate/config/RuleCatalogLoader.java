package dev.profgate.config;

import dev.profgate.base.BadInputException;
import dev.profgate.rules.Language;
import dev.profgate.rules.Library;
import dev.profgate.rules.NamePattern;
import dev.profgate.rules.Rule;
import dev.profgate.rules.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the anti-pattern catalog: the built-in {@value #BUILT_IN} shipped in the jar, plus the rule files named in
 * {@code profgate.yml}, less the disabled rules. The format is described at the top of the built-in file. Every
 * problem (unknown key, missing field, duplicate id, unknown language) is a one-line error naming the file and line.
 */
public final class RuleCatalogLoader {
    /** The class-path resource of the built-in catalog. */
    public static final String BUILT_IN = "/profgate/rules.yml";

    private static final List<String> FILE_KEYS = List.of("library", "rules");
    private static final List<String> LIBRARY_KEYS = List.of("functions", "files");
    private static final List<String> RULE_KEYS = List.of("id", "title", "languages", "frames", "under", "notUnder",
            "types", "when", "minShare", "advice", "link");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private RuleCatalogLoader() {
    }

    /** The catalog shipped in the jar. */
    public static RuleCatalog builtIn() {
        try (InputStream in = RuleCatalogLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in " + BUILT_IN, Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in catalog with the extra files of {@code settings} and without its disabled rules. */
    public static RuleCatalog load(RuleSettings settings) {
        RuleCatalog catalog = builtIn();
        for (Path file : settings.files()) {
            Set<String> known = ids(catalog);
            catalog = catalog.plus(YamlNodes.read(file, reader -> parse(reader, file.toString(), known)));
        }
        Set<String> known = ids(catalog);
        for (String id : settings.disable()) {
            if (!known.contains(id)) {
                throw new BadInputException(settings.source(), RuleSettings.KEY + ".disable: no rule '" + id
                        + "' in the catalog");
            }
        }
        return catalog.without(settings.disable());
    }

    /** Parses one rule file; its ids must not be in {@code taken} nor repeat. */
    static RuleCatalog parse(Reader reader, String name, Set<String> taken) {
        Node root = YamlNodes.compose(reader, name);
        if (root == null) {
            throw new BadInputException(name, "empty rule file");
        }
        YamlNodes nodes = new YamlNodes(name);
        MappingNode mapping = nodes.mapping(root, "a rule file");
        nodes.checkKeys(mapping, FILE_KEYS);
        Node library = nodes.value(mapping, "library");
        Node rules = nodes.value(mapping, "rules");
        Set<String> ids = new HashSet<>(taken);
        List<Rule> parsed = new ArrayList<>();
        if (rules != null) {
            for (Node item : nodes.sequence(rules, "'rules'").getValue()) {
                Rule rule = rule(nodes, item);
                if (!ids.add(rule.id())) {
                    throw nodes.error(item, "rule id '" + rule.id() + "' is already defined");
                }
                parsed.add(rule);
            }
        }
        return new RuleCatalog(parsed, library == null ? new Library(NamePattern.none(), NamePattern.none())
                : library(nodes, library));
    }

    private static Library library(YamlNodes nodes, Node node) {
        MappingNode mapping = nodes.mapping(node, "'library'");
        nodes.checkKeys(mapping, LIBRARY_KEYS);
        return new Library(patterns(nodes, mapping, "functions"), patterns(nodes, mapping, "files"));
    }

    private static Rule rule(YamlNodes nodes, Node node) {
        MappingNode mapping = nodes.mapping(node, "a rule");
        nodes.checkKeys(mapping, RULE_KEYS);
        Node minShare = nodes.value(mapping, "minShare");
        NamePattern frames = patterns(nodes, mapping, "frames");
        if (frames.isEmpty()) {
            throw nodes.error(nodes.required(mapping, "frames"), "'frames' must name at least one pattern");
        }
        return new Rule(matching(nodes, mapping, "id", ID), text(nodes, mapping, "title"),
                languages(nodes, nodes.required(mapping, "languages")), frames, patterns(nodes, mapping, "under"),
                patterns(nodes, mapping, "notUnder"), patterns(nodes, mapping, "types"),
                when(nodes, nodes.required(mapping, "when")),
                minShare == null ? Rule.DEFAULT_MIN_SHARE : nodes.number(minShare, "minShare", 0.01, 1),
                text(nodes, mapping, "advice"), matching(nodes, mapping, "link", LINK));
    }

    private static String text(YamlNodes nodes, MappingNode mapping, String key) {
        return nodes.string(nodes.required(mapping, key), key).trim();
    }

    private static String matching(YamlNodes nodes, MappingNode mapping, String key, Pattern pattern) {
        Node node = nodes.required(mapping, key);
        String value = nodes.string(node, key);
        if (!pattern.matcher(value).matches()) {
            throw nodes.error(node, "'" + key + "' must match " + pattern.pattern() + ", not '" + value + "'");
        }
        return value;
    }

    private static NamePattern patterns(YamlNodes nodes, MappingNode mapping, String key) {
        Node node = nodes.value(mapping, key);
        return node == null ? NamePattern.none() : NamePattern.of(nodes.strings(node, key));
    }

    private static List<Language> languages(YamlNodes nodes, Node node) {
        List<Language> languages = new ArrayList<>();
        for (String label : nodes.strings(node, "languages")) {
            Language language = Language.byLabel(label);
            if (language == null) {
                throw nodes.error(node, "unknown language '" + label + "' (known: " + Arrays.stream(Language.values())
                        .map(Language::label).collect(Collectors.joining(", ")) + ")");
            }
            languages.add(language);
        }
        if (languages.isEmpty()) {
            throw nodes.error(node, "'languages' must name at least one language");
        }
        return languages;
    }

    private static Rule.When when(YamlNodes nodes, Node node) {
        String value = nodes.string(node, "when");
        for (Rule.When when : Rule.When.values()) {
            if (when.name().toLowerCase(Locale.ROOT).equals(value)) {
                return when;
            }
        }
        throw nodes.error(node, "'when' must be grown or new, not '" + value + "'");
    }

    private static Set<String> ids(RuleCatalog catalog) {
        Set<String> ids = new HashSet<>();
        catalog.rules().forEach(rule -> ids.add(rule.id()));
        return ids;
    }
}
