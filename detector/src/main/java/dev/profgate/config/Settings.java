package dev.profgate.config;

import dev.profgate.analysis.Policy;
import dev.profgate.base.Limits;
import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.Node;

/** Everything a {@code profgate.yml} configures, read from one parse of the file: policy, redaction, rules, cost and input limits. */
public record Settings(Policy policy, Redaction redaction, RuleSettings rules, CostSettings cost,
        Limits limits) {
    /** The built-in defaults, used when there is no policy file. */
    public static Settings defaults() {
        return new Settings(Policy.defaults(), Redaction.none(), RuleSettings.defaults(), CostSettings.defaults(),
                Limits.defaults());
    }

    /** The settings of the policy file {@code config}, or the defaults when it is null. */
    public static Settings load(Path config) {
        if (config == null) {
            return defaults();
        }
        String name = config.toString();
        Path directory = config.toAbsolutePath().getParent();
        return YamlNodes.read(config, reader -> {
            Node root = YamlNodes.compose(reader, name);
            return new Settings(ConfigLoader.policy(root, name), Redaction.of(root, name),
                    RuleSettings.of(root, name, directory), CostSettings.of(root, name), LimitsSection.of(root, name));
        });
    }
}
