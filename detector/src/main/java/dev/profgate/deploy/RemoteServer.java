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
import java.time.Duration;

/**
 * The profiling server a run queries, as asked for: {@code given} settings (flags), each winning over the deploy
 * section of profgate.yml, which wins over {@link DeploySettings#DEFAULTS}; the secret files. deploy-check and watch
 * reach their server through it. Errors name the flag of a bad value.
 */
public record RemoteServer(DeploySettings given, SecretFiles secrets) {
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(500);

    /** The settings in force: the given ones over {@code settings}' deploy section over the defaults. */
    public DeploySettings resolve(Settings settings) {
        return Overlay.of(given, settings.deploy(), DeploySettings.DEFAULTS);
    }

    /** The client of the server {@code s} (resolved settings) names, decoding profiles within {@code limits}. */
    public ProfileBackend open(DeploySettings s, Limits limits) {
        if (!s.backend().equals("pyroscope") && !s.backend().equals("parca")) {
            throw new BadInputException("--backend", "must be pyroscope or parca, not '" + s.backend() + "'");
        }
        String server = httpUrl("--url", s.url());
        if (server == null) {
            throw new BadInputException("--url", "give the server's URL (or deploy.url in profgate.yml)");
        }
        Endpoint endpoint = new Endpoint(URI.create(server), secrets.credentials(s), s.tenant(), s.connectTimeout(),
                s.timeout(), s.attempts(), FIRST_RETRY_PAUSE, Network.fromEnvironment());
        return parca(s) ? new ParcaClient(endpoint, limits) : new PyroscopeClient(endpoint, limits);
    }

    /** True when {@code s} names Parca. */
    static boolean parca(DeploySettings s) {
        return s.backend().equals("parca");
    }

    /** {@code text} when it is null or an http(s) URL; else an error naming {@code option}. */
    static String httpUrl(String option, String text) {
        if (text != null && !text.startsWith("http://") && !text.startsWith("https://")) {
            throw new BadInputException(option, "not an http(s) URL: '" + text + "'");
        }
        return text;
    }
}
