package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import dev.profgate.base.TimeText;
import dev.profgate.compare.Analysed;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.DeploySettings;
import dev.profgate.config.Settings;
import dev.profgate.deploy.DeployCheckRun;
import dev.profgate.deploy.DeployLinks;
import dev.profgate.deploy.DeployWindows;
import dev.profgate.deploy.FetchPlan;
import dev.profgate.deploy.WindowQuery;
import dev.profgate.net.Network;
import dev.profgate.source.remote.Credentials;
import dev.profgate.source.remote.Endpoint;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ParcaClient;
import dev.profgate.source.remote.ProfileBackend;
import dev.profgate.source.remote.PyroscopeClient;
import dev.profgate.source.remote.TimeRange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profgate deploy-check}: fetch profiles before and after a deploy (or of two label selections) from
 * Pyroscope or Parca, compare them and gate on the verdict. Every option but the selection may come from the
 * {@code deploy} section of profgate.yml; a flag wins.
 */
@Command(name = "deploy-check", mixinStandardHelpOptions = true,
        description = "Fetch base and head profiles from Pyroscope or Parca (around --deployed-at, or by label over "
                + "--from/--to), compare them and gate on the verdict. Exit codes: 0 pass, 1 regression, 2 bad input, "
                + "usage or an unusable server.")
final class DeployCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", paramLabel = "pyroscope|parca", description = "Profiling server (default: pyroscope).")
    private String backend;
    @Option(names = {"--url", "--pyroscope-url"}, paramLabel = "URL",
            description = "The server's base URL, e.g. http://pyroscope:4040.")
    private String url;
    @Option(names = "--tenant", paramLabel = "ID", description = "Tenant sent as X-Scope-OrgID.")
    private String tenant;
    @Option(names = "--profile-type", paramLabel = "T",
            description = "Profile type: a full id (process_cpu:cpu:nanoseconds:cpu:nanoseconds) or a name or sample "
                    + "type the server lists (default: cpu).")
    private String profileType;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Label selector of both sides, "
            + "e.g. '{service_name=\"payments-api\"}'.")
    private String selector;
    @Option(names = "--base", paramLabel = "SELECTOR", description = "Base side's selector (default: --selector).")
    private String baseSelector;
    @Option(names = "--head", paramLabel = "SELECTOR", description = "Head side's selector (default: --selector).")
    private String headSelector;
    @Option(names = "--from", paramLabel = "TIME", description = "Start of both sides' range in label mode "
            + "(ISO 8601, Unix seconds, now-2h; default: now-1h).")
    private String from;
    @Option(names = "--to", paramLabel = "TIME", description = "End of that range (default: now).")
    private String to;
    @Option(names = "--deployed-at", paramLabel = "TIME",
            description = "Deploy time: base is the --window before it, head the --window after --gap.")
    private String deployedAt;
    @Option(names = "--window", paramLabel = "DURATION", description = "Window per side (default: 30m).")
    private String window;
    @Option(names = "--gap", paramLabel = "DURATION", description = "Rollout time skipped after the deploy (default: 2m).")
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

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./profgate.yml if it exists).")
    private Path config;
    @Option(names = "--out", paramLabel = "DIR", description = "Write every report here.")
    private Path out;
    @Mixin
    private ReportDelivery delivery;
    @Option(names = "--gate", paramLabel = "NAME", description = "Gate name in the PR comment marker.")
    private String gate;

    @Mixin
    private AttributionOptions attribution;

    @Override
    public Integer call() {
        delivery.requireFolder(spec, out);
        Path settingsFile = CompareRun.configOrDefault(config);
        DeploySettings settings = settingsFile == null ? DeploySettings.none() : DeploySettings.load(settingsFile);
        Analysed analysed = run(settings, Settings.load(settingsFile), Instant.now()).analyse();
        int exit = delivery.deliver(spec, analysed.report(), out);
        if (attribution.attribute) {
            attribution.run(analysed, out, delivery.github.asked, spec.commandLine().getErr());
        }
        return exit;
    }

    private DeployCheckRun run(DeploySettings s, Settings settings, Instant now) {
        String kind = pick(backend, s.backend(), "pyroscope");
        if (!kind.equals("pyroscope") && !kind.equals("parca")) {
            throw new BadInputException("--backend", "must be pyroscope or parca, not '" + kind + "'");
        }
        String server = httpUrl("--url", pick(url, s.url(), null));
        if (server == null) {
            throw new BadInputException("--url", "give the server's URL (or deploy.url in profgate.yml)");
        }
        Endpoint endpoint = new Endpoint(URI.create(server), credentials(s), pick(tenant, s.tenant(), ""),
                duration(connectTimeout, s.connectTimeout(), "--connect-timeout", "10s"),
                duration(timeout, s.timeout(), "--timeout", "60s"), pick(attempts, s.attempts(), 3),
                Duration.ofMillis(500), Network.fromEnvironment());
        ProfileBackend client = kind.equals("parca") ? new ParcaClient(endpoint, settings.limits())
                : new PyroscopeClient(endpoint, settings.limits());
        TimeRange[] ranges = ranges(s, now);
        String both = pick(selector, s.selector(), null);
        WindowQuery baseQuery = new WindowQuery("base", selector("--base", pick(baseSelector, both, headSelector)),
                ranges[0]);
        WindowQuery headQuery = new WindowQuery("head", selector("--head", pick(headSelector, both, baseSelector)),
                ranges[1]);
        FetchPlan plan = new FetchPlan(pick(replicates, s.replicates(), 0), pick(minSamples, s.minSamples(), 100),
                duration(maxQueryLength, s.maxQueryLength(), "--max-query-length", "24h").toMillis());
        DeploySettings.Links l = s.links();
        DeployLinks links = new DeployLinks(kind.equals("parca"), httpUrl("--ui-url", pick(uiUrl, l.ui(), server)),
                httpUrl("--grafana-url", pick(grafanaUrl, l.grafana(), null)),
                pick(grafanaDatasource, l.grafanaDatasource(), null), httpUrl("--trace-url", pick(traceUrl, l.traces(),
                null)));
        return new DeployCheckRun(client, pick(profileType, s.profileType(), "cpu"), baseQuery, headQuery, plan, links,
                settings, out, gate);
    }

    /** Base and head ranges: around --deployed-at, else --from/--to for both. */
    private TimeRange[] ranges(DeploySettings s, Instant now) {
        if (deployedAt != null) {
            if (from != null || to != null) {
                throw new BadInputException("--deployed-at", "give either --deployed-at or --from/--to, not both");
            }
            DeployWindows windows = DeployWindows.around(TimeText.parse(deployedAt, "--deployed-at", now),
                    duration(window, s.window(), "--window", "30m"), duration(gap, s.gap(), "--gap", "2m"), now);
            return new TimeRange[] {windows.base(), windows.head()};
        }
        if (baseSelector == null || headSelector == null) {
            throw new BadInputException("deploy-check", "give --deployed-at, or --base and --head selectors "
                    + "(compared over --from/--to)");
        }
        TimeRange range = TimeRange.of(TimeText.parse(from == null ? "now-1h" : from, "--from", now),
                TimeText.parse(to == null ? "now" : to, "--to", now));
        return new TimeRange[] {range, range};
    }

    private Credentials credentials(DeploySettings s) {
        String named = pick(tokenEnv, s.tokenEnv(), null);
        String token = tokenFile != null ? secretFile(tokenFile)
                : named != null ? env(named) : pick(env("PROFGATE_TOKEN"), env("PYROSCOPE_TOKEN"), null);
        String name = pick(user, s.user(), null);
        String password = passwordFile != null ? secretFile(passwordFile)
                : env(pick(passwordEnv, s.passwordEnv(), "PROFGATE_PASSWORD"));
        return new Credentials(token, name, name == null ? null : password);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String secretFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read the secret file: " + e.getMessage());
        }
    }

    private static LabelSelector selector(String option, String text) {
        if (text == null) {
            throw new BadInputException(option, "give a label selector (or --selector for both sides)");
        }
        return LabelSelector.parse(text, option);
    }

    private static String httpUrl(String option, String text) {
        if (text != null && !text.startsWith("http://") && !text.startsWith("https://")) {
            throw new BadInputException(option, "not an http(s) URL: '" + text + "'");
        }
        return text;
    }

    private static Duration duration(String flag, Duration setting, String option, String fallback) {
        return flag != null ? DurationText.parse(flag, option) : setting != null ? setting
                : DurationText.parse(fallback, option);
    }

    private static <T> T pick(T flag, T setting, T fallback) {
        return flag != null ? flag : setting != null ? setting : fallback;
    }
}
