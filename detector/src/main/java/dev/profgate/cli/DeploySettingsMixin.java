package dev.profgate.cli;

import dev.profgate.base.DurationText;
import dev.profgate.config.DeploySettings;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The deploy-check options that the deploy section of profgate.yml can set too, gathered into {@link DeploySettings}
 * (null where not given) so that they are laid over that section; a bad duration names its flag.
 */
final class DeploySettingsMixin {
    @Option(names = "--backend", paramLabel = "pyroscope|parca", description = "Profiling server (default: pyroscope).")
    private String backend;
    @Mixin
    private ServerUrlMixin url;
    @Option(names = "--tenant", paramLabel = "ID", description = "Tenant sent as X-Scope-OrgID.")
    private String tenant;
    @Option(names = "--profile-type", paramLabel = "T",
            description = "Profile type: a full id (process_cpu:cpu:nanoseconds:cpu:nanoseconds) or a name or sample "
                    + "type the server lists (default: cpu).")
    private String profileType;
    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Label selector of both sides, "
            + "e.g. '{service_name=\"payments-api\"}'.")
    private String selector;

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
    @Option(names = "--max-query-length", paramLabel = "DURATION",
            description = "Longest range one query covers; longer ones are split (default: 24h, Pyroscope's limit).")
    private String maxQueryLength;

    @Option(names = "--token-env", paramLabel = "NAME", description = "Environment variable holding a bearer token "
            + "(default: PROFGATE_TOKEN, else PYROSCOPE_TOKEN as the GitHub Action sets it).")
    private String tokenEnv;
    @Option(names = "--user", paramLabel = "NAME", description = "User for basic auth.")
    private String user;
    @Option(names = "--password-env", paramLabel = "NAME", description = "Environment variable holding the basic-auth "
            + "password (default: PROFGATE_PASSWORD).")
    private String passwordEnv;
    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "Connect timeout (default: 10s).")
    private String connectTimeout;
    @Option(names = "--timeout", paramLabel = "DURATION", description = "Read timeout per request (default: 60s).")
    private String timeout;
    @Option(names = "--attempts", paramLabel = "N", description = "Attempts per request; retried on connection "
            + "errors, timeouts, 429 and 5xx only (default: 3).")
    private Integer attempts;

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
        return new DeploySettings(backend, url.url, tenant, profileType, selector, tokenEnv, user, passwordEnv,
                duration(window, "--window"), duration(gap, "--gap"), replicates, minSamples,
                duration(maxQueryLength, "--max-query-length"), duration(connectTimeout, "--connect-timeout"),
                duration(timeout, "--timeout"), attempts,
                new DeploySettings.Links(uiUrl, grafanaUrl, grafanaDatasource, traceUrl));
    }

    private static Duration duration(String text, String flag) {
        return text == null ? null : DurationText.parse(text, flag);
    }
}
