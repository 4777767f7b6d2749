package dev.profgate.watch;

import dev.profgate.config.DeploySettings;
import dev.profgate.config.Overlay;
import dev.profgate.config.Settings;
import dev.profgate.deploy.DeployCheckRequest;
import dev.profgate.deploy.DeployCheckRun;
import dev.profgate.deploy.DeploySides;
import dev.profgate.deploy.SecretFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code watch --alert}: the alert's window against the window of the same length before it, on the alert's
 * selector, as a deploy check at the alert's start with no gap ({@link DeployCheckRequest}); {@code given} are the
 * server flags, laid over profgate.yml's deploy section.
 */
public record AlertCheck(DeploySettings given, SecretFiles secrets) {
    /** The deploy check of {@code alert}, writing its reports to {@code out} (may be null), at {@code now}. */
    public DeployCheckRun prepare(AlertWindow alert, Settings settings, Path out, Instant now) {
        DeploySettings windows = DeploySettings.windows(alert.selector().text(),
                Duration.between(alert.start(), alert.end()), Duration.ZERO);
        DeploySides sides = new DeploySides(alert.start().toString(), null, null, null, null);
        return new DeployCheckRequest(Overlay.of(windows, given), sides, secrets).prepare(settings, out, null, now);
    }
}
