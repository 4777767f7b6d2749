package dev.profgate.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code cost} section of {@code profgate.yml}, for the quarterly report's cost estimates: the price of one core
 * hour ({@code coreHourPrice}), the cores each service runs on on average ({@code fleetCores}) and the
 * {@code currency} the price is in. A function's cost is its share of a service's CPU times the fleet's core hours.
 */
public record CostSettings(double coreHourPrice, double fleetCores, String currency) {
    static final String KEY = "cost";
    private static final List<String> KEYS = List.of("coreHourPrice", "fleetCores", "currency");

    /** Without a cost section: a price of 0.04 USD per core hour and 100 cores per service. */
    public static CostSettings defaults() {
        return new CostSettings(0.04, 100, "USD");
    }

    /** The cost settings of a composed policy document ({@code root} null when empty). */
    static CostSettings of(Node root, String name) {
        CostSettings defaults = defaults();
        YamlNodes nodes = new YamlNodes(name);
        MappingNode mapping = nodes.checkedSection(root, KEY, KEYS);
        if (mapping == null) {
            return defaults;
        }
        Node price = nodes.value(mapping, "coreHourPrice");
        Node cores = nodes.value(mapping, "fleetCores");
        Node currency = nodes.value(mapping, "currency");
        return new CostSettings(price == null ? defaults.coreHourPrice : nodes.number(price, KEY + ".coreHourPrice", 0, 1e6),
                cores == null ? defaults.fleetCores : nodes.number(cores, KEY + ".fleetCores", 0, 1e9),
                currency == null ? defaults.currency : nodes.string(currency, KEY + ".currency"));
    }
}
