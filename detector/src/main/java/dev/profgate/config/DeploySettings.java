package dev.profgate.config;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code deploy} section of {@code profgate.yml}, read by {@code profgate deploy-check}; every key is optional
 * (null when absent) and a command-line flag overrides it. Secrets are never written here: {@code tokenEnv} and
 * {@code passwordEnv} name the environment variables that hold them.
 */
public record DeploySettings(String backend, String url, String tenant, String profileType, String selector,
                             String tokenEnv, String user, String passwordEnv, Duration window, Duration gap,
                             Integer replicates, Integer minSamples, Duration maxQueryLength, Duration connectTimeout,
                             Duration timeout, Integer attempts, Links links) {
    static final String KEY = "deploy";
    private static final List<String> KEYS = List.of("backend", "url", "tenant", "profileType", "selector", "tokenEnv",
            "user", "passwordEnv", "window", "gap", "replicates", "minSamples", "maxQueryLength", "connectTimeout",
            "timeout", "attempts", "links");
    private static final List<String> LINK_KEYS = List.of("ui", "grafana", "grafanaDatasource", "traces");

    /**
     * Where reports link to: the profiling UI ({@code ui}, default the server's own UI), a Grafana with its Pyroscope
     * data source uid for an Explore view, and a trace search URL template ({@code {service}}, {@code {selector}},
     * {@code {startMs}}, {@code {endMs}}, {@code {startUs}}, {@code {endUs}}, {@code {start}}, {@code {end}}).
     */
    public record Links(String ui, String grafana, String grafanaDatasource, String traces) {
        static final Links NONE = new Links(null, null, null, null);
    }

    /** No settings: flags and built-in defaults only. */
    public static DeploySettings none() {
        return new DeploySettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, Links.NONE);
    }

    /** The deploy settings of the policy file {@code config} (the other keys are the {@link ConfigLoader}'s). */
    public static DeploySettings load(Path config) {
        return YamlNodes.read(config, reader -> parse(reader, config.toString()));
    }

    /** The deploy settings of policy YAML read from {@code reader}; {@code name} is used in error messages. */
    public static DeploySettings parse(Reader reader, String name) {
        YamlNodes nodes = new YamlNodes(name);
        Node section = nodes.section(YamlNodes.compose(reader, name), KEY);
        return section == null ? none() : new Section(nodes, nodes.mapping(section, "'" + KEY + "'")).settings();
    }

    /** Reads the keys of one {@code deploy} mapping. */
    private record Section(YamlNodes nodes, MappingNode mapping) {
        DeploySettings settings() {
            nodes.checkKeys(mapping, KEYS);
            return new DeploySettings(text("backend"), text("url"), text("tenant"), text("profileType"),
                    text("selector"), text("tokenEnv"), text("user"), text("passwordEnv"), duration("window"),
                    duration("gap"), integer("replicates", 0), integer("minSamples", 1), duration("maxQueryLength"),
                    duration("connectTimeout"), duration("timeout"), integer("attempts", 1), links());
        }

        private Links links() {
            Node node = nodes.value(mapping, "links");
            if (node == null) {
                return Links.NONE;
            }
            Section links = new Section(nodes, nodes.mapping(node, "'" + KEY + ".links'"));
            nodes.checkKeys(links.mapping, LINK_KEYS);
            return new Links(links.text("ui"), links.text("grafana"), links.text("grafanaDatasource"),
                    links.text("traces"));
        }

        private String text(String key) {
            Node node = nodes.value(mapping, key);
            return node == null ? null : nodes.string(node, KEY + "." + key);
        }

        private Duration duration(String key) {
            Node node = nodes.value(mapping, key);
            if (node == null) {
                return null;
            }
            try {
                return DurationText.parse(nodes.string(node, KEY + "." + key), KEY + "." + key);
            } catch (BadInputException e) {
                throw nodes.error(node, e.getMessage());
            }
        }

        private Integer integer(String key, int min) {
            Node node = nodes.value(mapping, key);
            return node == null ? null : nodes.integer(node, KEY + "." + key, min, 1_000_000);
        }
    }
}
