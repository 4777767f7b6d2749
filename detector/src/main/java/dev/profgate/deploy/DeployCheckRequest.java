package dev.profgate.deploy;

import dev.profgate.config.DeploySettings;
import dev.profgate.config.Settings;
import dev.profgate.source.remote.ProfileBackend;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A deploy check as asked for: {@code given} settings (deploy-check's flags), each winning over the deploy section
 * of profgate.yml, which wins over {@link DeploySettings#DEFAULTS}; the sides to compare; the secret files.
 * {@link #prepare} builds the run from them: the server and its credentials ({@link RemoteServer}), both sides'
 * windows and selectors, the fetch plan and the report links. Errors name the flag of a bad value.
 */
public record DeployCheckRequest(DeploySettings given, DeploySides sides, SecretFiles secrets) {
    /** The run with {@code settings} (whose deploy section is laid under the given settings), at {@code now}. */
    public DeployCheckRun prepare(Settings settings, Path out, String gate, Instant now) {
        RemoteServer server = new RemoteServer(given, secrets);
        DeploySettings s = server.resolve(settings);
        ProfileBackend backend = server.open(s, settings.limits());
        DeployWindows windows = sides.windows(s.window(), s.gap(), now);
        WindowQuery base = sides.baseQuery(s.selector(), windows.base());
        WindowQuery head = sides.headQuery(s.selector(), windows.head());
        FetchPlan plan = new FetchPlan(s.replicates(), s.minSamples(), s.maxQueryLength().toMillis());
        return new DeployCheckRun(backend, s.profileType(), base, head, plan, DeployLinks.of(s), settings, out,
                gate);
    }
}
