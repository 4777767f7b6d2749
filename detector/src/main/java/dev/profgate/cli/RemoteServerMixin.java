package dev.profgate.cli;

import dev.profgate.base.DurationText;
import dev.profgate.config.DeploySettings;
import dev.profgate.deploy.SecretFiles;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options naming a profiling server, its credentials and how requests to it are bounded, which the deploy section
 * of profgate.yml can set too: deploy-check's and watch's; null where not given. A bad duration names its flag.
 */
final class RemoteServerMixin {
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
    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Label selector of the profiles, "
            + "e.g. '{service_name=\"payments-api\"}'.")
    String selector;
    @Option(names = "--max-query-length", paramLabel = "DURATION",
            description = "Longest range one query covers; longer ones are split (default: 24h, Pyroscope's limit).")
    private String maxQueryLength;

    @Option(names = "--token-env", paramLabel = "NAME", description = "Environment variable holding a bearer token "
            + "(default: PROFGATE_TOKEN, else PYROSCOPE_TOKEN as the GitHub Action sets it).")
    private String tokenEnv;
    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding a bearer token.")
    private Path tokenFile;
    @Option(names = "--user", paramLabel = "NAME", description = "User for basic auth.")
    private String user;
    @Option(names = "--password-env", paramLabel = "NAME", description = "Environment variable holding the basic-auth "
            + "password (default: PROFGATE_PASSWORD).")
    private String passwordEnv;
    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the basic-auth password.")
    private Path passwordFile;
    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "Connect timeout (default: 10s).")
    private String connectTimeout;
    @Option(names = "--timeout", paramLabel = "DURATION", description = "Read timeout per request (default: 60s).")
    private String timeout;
    @Option(names = "--attempts", paramLabel = "N", description = "Attempts per request; retried on connection "
            + "errors, timeouts, 429 and 5xx only, the pause doubling from 0.5s (default: 3).")
    private Integer attempts;

    /** True when a server URL was given. */
    boolean urlGiven() {
        return url.url != null;
    }

    /** The server's settings given as flags, null where absent. */
    DeploySettings given() {
        return given(null, null, null, null, new DeploySettings.Links(null, null, null, null));
    }

    /** The server's settings given as flags with the others a command adds, null where absent. */
    DeploySettings given(Duration window, Duration gap, Integer replicates, Integer minSamples,
                         DeploySettings.Links links) {
        return new DeploySettings(backend, url.url, tenant, profileType, selector, tokenEnv, user, passwordEnv,
                window, gap, replicates, minSamples, duration(maxQueryLength, "--max-query-length"),
                duration(connectTimeout, "--connect-timeout"), duration(timeout, "--timeout"), attempts, links);
    }

    /** The secret files given. */
    SecretFiles secrets() {
        return new SecretFiles(tokenFile, passwordFile);
    }

    /** {@code text} read as a duration, null when absent; an error names {@code flag}. */
    static Duration duration(String text, String flag) {
        return text == null ? null : DurationText.parse(text, flag);
    }
}
