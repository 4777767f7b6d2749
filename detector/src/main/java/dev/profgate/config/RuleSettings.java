package dev.profgate.config;

import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code rules} section of {@code profgate.yml}: {@code disable} (ids of catalog rules to switch off) and
 * {@code files} (extra rule files in the catalog's format, relative to the directory of profgate.yml).
 * {@code source} names the settings file in error messages.
 */
public record RuleSettings(List<String> disable, List<Path> files, String source) {
    static final String KEY = "rules";
    private static final List<String> KEYS = List.of("disable", "files");

    public RuleSettings {
        disable = List.copyOf(disable);
        files = List.copyOf(files);
    }

    /** No rule disabled, no extra file: the built-in catalog. */
    public static RuleSettings defaults() {
        return new RuleSettings(List.of(), List.of(), "defaults");
    }

    /** The rule settings of the policy file {@code config} (the other keys are the {@link ConfigLoader}'s). */
    public static RuleSettings load(Path config) {
        return Settings.load(config).rules();
    }

    /** The rule settings of policy YAML read from {@code reader}; {@code files} are resolved against {@code directory}. */
    public static RuleSettings parse(Reader reader, String name, Path directory) {
        return of(YamlNodes.compose(reader, name), name, directory);
    }

    /** The rule settings of a composed policy document ({@code root} null when empty). */
    static RuleSettings of(Node root, String name, Path directory) {
        if (root == null) {
            return defaults();
        }
        YamlNodes nodes = new YamlNodes(name);
        Node section = nodes.section(root, KEY);
        return section == null ? new RuleSettings(List.of(), List.of(), name) : parse(nodes, section, directory);
    }

    /** The settings in the {@code rules} value {@code section} of a policy file read with {@code nodes}. */
    static RuleSettings parse(YamlNodes nodes, Node section, Path directory) {
        MappingNode mapping = nodes.mapping(section, "'" + KEY + "'");
        nodes.checkKeys(mapping, KEYS);
        Node disable = nodes.value(mapping, "disable");
        Node files = nodes.value(mapping, "files");
        return new RuleSettings(disable == null ? List.of() : nodes.strings(disable, KEY + ".disable"),
                files == null ? List.of() : nodes.strings(files, KEY + ".files").stream()
                        .map(directory::resolve).toList(), nodes.name());
    }
}
