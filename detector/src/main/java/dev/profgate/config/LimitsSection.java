package dev.profgate.config;

import dev.profgate.base.Limits;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code limits} section of {@code profgate.yml} into {@link Limits}; a missing key keeps its default. */
final class LimitsSection {
    private static final List<String> KEYS = List.of("fileBytes", "decompressedBytes", "compressionRatio", "samples",
            "locations", "functions", "strings", "stringLength", "stackDepth", "replicates");

    private LimitsSection() {
    }

    /** The limits of a composed policy document ({@code root} null when empty). */
    static Limits of(Node root, String name) {
        Limits defaults = Limits.defaults();
        YamlNodes nodes = new YamlNodes(name);
        MappingNode mapping = nodes.checkedSection(root, Limits.KEY, KEYS);
        if (mapping == null) {
            return defaults;
        }
        Section read = new Section(nodes, mapping);
        return new Limits(read.count("fileBytes", defaults.fileBytes()), read.count("decompressedBytes",
                defaults.decompressedBytes()), read.number("compressionRatio", defaults.compressionRatio()),
                read.count("samples", defaults.samples()), read.count("locations", defaults.locations()),
                read.count("functions", defaults.functions()), read.count("strings", defaults.strings()),
                read.count("stringLength", defaults.stringLength()), (int) read.count("stackDepth", defaults.stackDepth()),
                (int) read.count("replicates", defaults.replicates()));
    }

    /** Reads the settings of the section, each defaulting when absent. */
    private record Section(YamlNodes nodes, MappingNode mapping) {
        long count(String key, long fallback) {
            Node node = nodes.value(mapping, key);
            return node == null ? fallback : nodes.integer(node, Limits.KEY + "." + key, 1, Integer.MAX_VALUE);
        }

        double number(String key, double fallback) {
            Node node = nodes.value(mapping, key);
            return node == null ? fallback : nodes.number(node, Limits.KEY + "." + key, 1, 1e9);
        }
    }
}
