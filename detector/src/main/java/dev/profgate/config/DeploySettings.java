package dev.profgate.config;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code deploy} section of {@code profgate.yml}, read by {@code profgate deploy-check}; every key is optional
 * (null when absent). deploy-check gathers its flags into the same record and lays them over the section, and the
 * section over {@link #DEFAULTS}, with {@link Overlay}. Secrets are never written here: {@code tokenEnv} and
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

    /**
     * What deploy-check uses where neither a flag nor the section sets a key: Pyroscope, no tenant, the cpu profile
     * type, the password in PROFGATE_PASSWORD, 30-minute windows 2 minutes apart, replicates chosen so that each has
     * 100 samples, queries of at most 24 hours, 10s to connect, 60s to read, 3 attempts. Without {@code tokenEnv} the
     * token is read from PROFGATE_TOKEN, else PYROSCOPE_TOKEN; without {@code links.ui} links go to the server.
     */
    public static final DeploySettings DEFAULTS = new DeploySettings("pyroscope", null, "", "cpu", null, null, null,
            "PROFGATE_PASSWORD", Duration.ofMinutes(30), Duration.ofMinutes(2), 0, 100, Duration.ofHours(24),
            Duration.ofSeconds(10), Duration.ofSeconds(60), 3, Links.NONE);

    /** No settings: every key absent. */
    public static DeploySettings none() {
        return new DeploySettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, Links.NONE);
    }

    /** Only {@code selector}, {@code window} and {@code gap} set: a layer laid over others with {@link Overlay}. */
    public static DeploySettings windows(String selector, Duration window, Duration gap) {
        return new DeploySettings(null, null, null, null, selector, null, null, null, window, gap, null, null, null,
                null, null, null, Links.NONE);
    }

    /** The deploy section of a composed settings document ({@code root} null when empty). */
    static DeploySettings of(Node root, String name) {
        YamlNodes nodes = new YamlNodes(name);
        MappingNode mapping = nodes.checkedSection(root, KEY, KEYS);
        return mapping == null ? none() : new Section(nodes, mapping).settings();
    }

    /** Reads the keys of one {@code deploy} mapping. */
    private record Section(YamlNodes nodes, MappingNode mapping) {
        DeploySettings settings() {
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
