package dev.profgate.cli;

import dev.profgate.config.DeploySettings;
import dev.profgate.deploy.SecretFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The deploy-check options that the deploy section of profgate.yml can set too, the server's
 * ({@link RemoteServerMixin}) and the windows' and links', gathered into {@link DeploySettings} (null where not given)
 * so that they are laid over that section; a bad duration names its flag.
 */
final class DeploySettingsMixin {
    @Mixin
    private RemoteServerMixin server;

    @Option(names = "--window", paramLabel = "DURATION", description = "Window per side (default: 30m).")
    private String window;
    @Option(names = "--gap", paramLabel = "DURATION",
            description = "Rollout time skipped after the deploy (default: 2m).")
    private String gap;
    @Option(names = "--replicates", paramLabel = "K", description = "Sub-windows per side (default: chosen so each "
            + "has --min-samples).")
    private Integer replicates;
    @Option(names = "--min-samples", paramLabel = "N", description = "Samples a replicate needs (default: 100).")
    private Integer minSamples;

    @Option(names = "--ui-url", paramLabel = "URL", description = "Profiling UI for report links (default: --url).")
    private String uiUrl;
    @Option(names = "--grafana-url", paramLabel = "URL", description = "Grafana for Explore links.")
    private String grafanaUrl;
    @Option(names = "--grafana-datasource", paramLabel = "UID", description = "Grafana's Pyroscope data source uid.")
    private String grafanaDatasource;
    @Option(names = "--trace-url", paramLabel = "TEMPLATE", description = "Trace search URL with {service}, "
            + "{selector}, {startMs}, {endMs}, {startUs}, {endUs}, {start}, {end}.")
    private String traceUrl;

    /** The settings given as flags, null where a flag is absent. */
    DeploySettings given() {
        return server.given(RemoteServerMixin.duration(window, "--window"), RemoteServerMixin.duration(gap, "--gap"),
                replicates, minSamples, new DeploySettings.Links(uiUrl, grafanaUrl, grafanaDatasource, traceUrl));
    }

    /** The secret files given. */
    SecretFiles secrets() {
        return server.secrets();
    }
}
