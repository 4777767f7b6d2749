package dev.profgate.deploy;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.config.DeploySettings;
import dev.profgate.config.Overlay;
import dev.profgate.config.Settings;
import dev.profgate.net.Network;
import dev.profgate.source.remote.Endpoint;
import dev.profgate.source.remote.ParcaClient;
import dev.profgate.source.remote.ProfileBackend;
import dev.profgate.source.remote.PyroscopeClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A deploy check as asked for: {@code given} settings (deploy-check's flags), each winning over the deploy section
 * of profgate.yml, which wins over {@link DeploySettings#DEFAULTS}; the sides to compare; the secret files.
 * {@link #prepare} builds the run from them: the server and its credentials, both sides' windows and selectors, the
 * fetch plan and the report links. Errors name the flag of a bad value.
 */
public record DeployCheckRequest(DeploySettings given, DeploySides sides, SecretFiles secrets) {
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(500);

    /** The run with {@code settings} (whose deploy section is laid under the given settings), at {@code now}. */
    public DeployCheckRun prepare(Settings settings, Path out, String gate, Instant now) {
        DeploySettings s = Overlay.of(given, settings.deploy(), DeploySettings.DEFAULTS);
        if (!s.backend().equals("pyroscope") && !s.backend().equals("parca")) {
            throw new BadInputException("--backend", "must be pyroscope or parca, not '" + s.backend() + "'");
        }
        boolean parca = s.backend().equals("parca");
        String server = httpUrl("--url", s.url());
        if (server == null) {
            throw new BadInputException("--url", "give the server's URL (or deploy.url in profgate.yml)");
        }
        ProfileBackend backend = backend(parca, server, s, settings.limits());
        DeployWindows windows = sides.windows(s.window(), s.gap(), now);
        WindowQuery base = sides.baseQuery(s.selector(), windows.base());
        WindowQuery head = sides.headQuery(s.selector(), windows.head());
        FetchPlan plan = new FetchPlan(s.replicates(), s.minSamples(), s.maxQueryLength().toMillis());
        return new DeployCheckRun(backend, s.profileType(), base, head, plan, links(parca, server, s.links()),
                settings, out, gate);
    }

    private ProfileBackend backend(boolean parca, String server, DeploySettings s, Limits limits) {
        Endpoint endpoint = new Endpoint(URI.create(server), secrets.credentials(s), s.tenant(), s.connectTimeout(),
                s.timeout(), s.attempts(), FIRST_RETRY_PAUSE, Network.fromEnvironment());
        return parca ? new ParcaClient(endpoint, limits) : new PyroscopeClient(endpoint, limits);
    }

    private static DeployLinks links(boolean parca, String server, DeploySettings.Links links) {
        return new DeployLinks(parca, httpUrl("--ui-url", links.ui() != null ? links.ui() : server),
                httpUrl("--grafana-url", links.grafana()), links.grafanaDatasource(),
                httpUrl("--trace-url", links.traces()));
    }

    private static String httpUrl(String option, String text) {
        if (text != null && !text.startsWith("http://") && !text.startsWith("https://")) {
            throw new BadInputException(option, "not an http(s) URL: '" + text + "'");
        }
        return text;
    }
}
