package dev.profgate.config;

import dev.profgate.analysis.Policy;
import dev.profgate.base.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Everything a {@code profgate.yml} configures, read from one parse of the file: policy, redaction, rules, cost,
 * input limits, the deploy and the watch sections.
 */
public record Settings(Policy policy, Redaction redaction, RuleSettings rules, CostSettings cost,
        Limits limits, DeploySettings deploy, WatchSettings watch) {
    /** The settings file read when none is named: {@code profgate.yml} in the working directory. */
    public static final Path DEFAULT_FILE = Path.of("profgate.yml");

    /** The built-in defaults, used when there is no settings file. */
    public static Settings defaults() {
        return new Settings(Policy.defaults(), Redaction.none(), RuleSettings.defaults(), CostSettings.defaults(),
                Limits.defaults(), DeploySettings.none(), WatchSettings.none());
    }

    /** The settings of {@code config}; when it is null, of {@link #DEFAULT_FILE} if that exists, else the defaults. */
    public static Settings loadOrDefault(Path config) {
        return load(config != null || !Files.isRegularFile(DEFAULT_FILE) ? config : DEFAULT_FILE);
    }

    /** The settings of the file {@code config}, or the defaults when it is null. */
    public static Settings load(Path config) {
        if (config == null) {
            return defaults();
        }
        String name = config.toString();
        Path directory = config.toAbsolutePath().getParent();
        return YamlNodes.read(config, reader -> {
            Node root = YamlNodes.compose(reader, name);
            return new Settings(ConfigLoader.policy(root, name), Redaction.of(root, name),
                    RuleSettings.of(root, name, directory), CostSettings.of(root, name), LimitsSection.of(root, name),
                    DeploySettings.of(root, name), WatchSettings.of(root, name));
        });
    }
}
