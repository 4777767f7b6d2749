package dev.profgate.config;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reads of a composed YAML document; every problem is a {@link BadInputException} naming the file and line. */
final class YamlNodes {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i)token|password|secret|api.?key|credential");
    private final String name;

    YamlNodes(String name) {
        this.name = name;
    }

    /** The name of the file read, as used in error messages. */
    String name() {
        return name;
    }

    /** Opens {@code path} as UTF-8 text and parses it with {@code parser}; a missing or unreadable file is a one-line error. */
    static <T> T read(Path path, Function<Reader, T> parser) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parser.apply(reader);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new BadInputException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** The document read from {@code reader} as nodes (null when empty); {@code name} is used in error messages. */
    static Node compose(Reader reader, String name) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new BadInputException(name, "line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem());
        } catch (YAMLException e) {
            throw new BadInputException(name, "not valid YAML: " + e.getMessage());
        }
    }

    MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, what + " must be a mapping of keys to values");
    }

    SequenceNode sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence;
        }
        throw error(node, what + " must be a list");
    }

    /**
     * Rejects keys not in {@code known}, non-scalar keys and duplicate keys; a secret written in clear text (an
     * unknown key naming a token, password or secret) is refused with a pointer to environment variables.
     */
    void checkKeys(MappingNode mapping, List<String> known) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple);
            if (!known.contains(key)) {
                throw error(tuple.getKeyNode(), SECRET_KEY.matcher(key).find() ? "'" + key + "' looks like a secret "
                        + "in clear text; profgate.yml is committed and read by everyone: put it in an environment "
                        + "variable (CI secret) and name the variable here (tokenEnv, passwordEnv) or use "
                        + "PROFGATE_TOKEN / PROFGATE_PASSWORD"
                        : "unknown key '" + key + "' (known: " + String.join(", ", known) + ")");
            }
            if (!seen.add(key)) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
    }

    /** The value of the top-level {@code key} of the policy document {@code root}; null when it is empty or has none. */
    Node section(Node root, String key) {
        return root == null ? null : value(mapping(root, "the settings"), key);
    }

    /** The top-level {@code key} of {@code root} as a mapping whose keys are all {@code known}; null when absent. */
    MappingNode checkedSection(Node root, String key, List<String> known) {
        Node section = section(root, key);
        if (section == null) {
            return null;
        }
        MappingNode mapping = mapping(section, "'" + key + "'");
        checkKeys(mapping, known);
        return mapping;
    }

    /** The value of {@code key}, or null when absent. */
    Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key(tuple).equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    Node required(MappingNode mapping, String key) {
        Node value = value(mapping, key);
        if (value == null) {
            throw error(mapping, "missing key '" + key + "'");
        }
        return value;
    }

    String string(Node node, String key) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isEmpty()) {
            return scalar.getValue();
        }
        throw error(node, "'" + key + "' must be a non-empty text");
    }

    /** A list of non-empty texts. */
    List<String> strings(Node node, String key) {
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node, "'" + key + "'").getValue()) {
            values.add(string(item, key));
        }
        return values;
    }

    double number(Node node, String key, double min, double max) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, "'" + key + "' must be a number" + found(node));
        }
        double value = parse(scalar, key);
        if (!(value >= min && value <= max)) {
            throw error(node, "'" + key + "' must be between " + plain(min) + " and " + plain(max) + ", not "
                    + scalar.getValue());
        }
        return value;
    }

    int integer(Node node, String key, int min, int max) {
        double value = number(node, key, min, max);
        if (value != Math.rint(value)) {
            throw error(node, "'" + key + "' must be a whole number" + found(node));
        }
        return (int) value;
    }

    /** A share: a fraction ({@code 0.005}) or a percentage ({@code "0.5%"}), between 0 and {@code max}. */
    double share(Node node, String key, double max) {
        if (node instanceof ScalarNode scalar && scalar.getValue().trim().endsWith("%")) {
            String text = scalar.getValue().trim();
            double value;
            try {
                value = Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100;
            } catch (NumberFormatException e) {
                throw error(node, "'" + key + "' must be a fraction or a percentage like '0.5%', not '" + text + "'");
            }
            if (!(value >= 0 && value <= max)) {
                throw error(node, "'" + key + "' must be between 0% and " + plain(max * 100) + "%, not " + text);
            }
            return value;
        }
        return number(node, key, 0, max);
    }

    BadInputException error(Node node, String problem) {
        return new BadInputException(name, "line " + (node.getStartMark().getLine() + 1) + ": " + problem);
    }

    private String key(NodeTuple tuple) {
        if (tuple.getKeyNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(tuple.getKeyNode(), "keys must be plain names");
    }

    private double parse(ScalarNode scalar, String key) {
        try {
            return Double.parseDouble(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(scalar, "'" + key + "' must be a number, not '" + scalar.getValue() + "'");
        }
    }

    private static String found(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) ? ", not empty" : ", not '" + scalar.getValue() + "'";
        }
        return ", not a " + node.getNodeId();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
