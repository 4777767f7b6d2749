package dev.profgate.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code watch} section of {@code profgate.yml}: {@code alert.selector}, the label selector {@code watch --alert}
 * queries for an Alertmanager alert, whose {@code $label} and {@code ${label}} are replaced by the alert's label
 * values (e.g. {@code '{service_name="$service"}'}); null when absent.
 */
public record WatchSettings(String alertSelector) {
    static final String KEY = "watch";
    private static final List<String> KEYS = List.of("alert");
    private static final List<String> ALERT_KEYS = List.of("selector");

    /** No watch section. */
    public static WatchSettings none() {
        return new WatchSettings(null);
    }

    /** The watch section of a composed settings document ({@code root} null when empty). */
    static WatchSettings of(Node root, String name) {
        YamlNodes nodes = new YamlNodes(name);
        MappingNode mapping = nodes.checkedSection(root, KEY, KEYS);
        Node alert = mapping == null ? null : nodes.value(mapping, "alert");
        if (alert == null) {
            return none();
        }
        MappingNode alertMapping = nodes.mapping(alert, "'" + KEY + ".alert'");
        nodes.checkKeys(alertMapping, ALERT_KEYS);
        Node selector = nodes.value(alertMapping, "selector");
        return new WatchSettings(selector == null ? null : nodes.string(selector, KEY + ".alert.selector"));
    }
}
