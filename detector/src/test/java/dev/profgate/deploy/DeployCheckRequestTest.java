package dev.profgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import dev.profgate.config.DeploySettings;
import dev.profgate.config.Settings;
import dev.profgate.source.remote.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deploy check built without the command line: flags over profgate.yml's deploy section over the defaults. */
class DeployCheckRequestTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant DEPLOYED = NOW.minusSeconds(3600);
    private static final DeploySides AROUND = new DeploySides(DEPLOYED.toString(), null, null, null, null);
    private static final SecretFiles NO_FILES = new SecretFiles(null, null);
    @TempDir
    Path dir;

    private Settings settings(String yaml) throws IOException {
        return Settings.load(Files.writeString(dir.resolve("profgate.yml"), yaml));
    }

    private static DeploySettings flags(String url, Duration gap) {
        return new DeploySettings(null, url, null, null, null, null, null, null, null, gap, null, null, null, null,
                null, null, new DeploySettings.Links(null, null, null, null));
    }

    @Test
    void aFlagWinsOverTheFileAndTheFileOverTheDefault() throws IOException {
        Settings settings = settings("""
                deploy:
                  url: http://pyroscope.yml:4040
                  selector: '{service_name="payments-api"}'
                  window: 10m
                  gap: 5m
                  minSamples: 50
                """);
        DeployCheckRun run = new DeployCheckRequest(flags(null, Duration.ofMinutes(1)), AROUND, NO_FILES)
                .prepare(settings, null, null, NOW);
        long t = DEPLOYED.toEpochMilli();
        assertEquals(new TimeRange(t - 600_000, t), run.base().range());
        assertEquals(new TimeRange(t + 60_000, t + 660_000), run.head().range());
        assertEquals("{service_name=\"payments-api\"}", run.head().selector().text());
        assertEquals(new FetchPlan(0, 50, Duration.ofHours(24).toMillis()), run.plan());
        assertEquals("cpu", run.profileType());
        assertEquals(new DeployLinks(false, "http://pyroscope.yml:4040", null, null, null), run.links());

        DeployCheckRun flagged = new DeployCheckRequest(flags("http://flag:4040", null), AROUND, NO_FILES)
                .prepare(settings, null, null, NOW);
        assertEquals("http://flag:4040", flagged.links().ui());
        assertEquals(new TimeRange(t + 300_000, t + 900_000), flagged.head().range());
    }

    @Test
    void badValuesNameTheirFlag() throws IOException {
        Settings settings = settings("deploy:\n  backend: zipkin\n");
        BadInputException backend = assertThrows(BadInputException.class, () -> new DeployCheckRequest(
                flags("http://x", null), AROUND, NO_FILES).prepare(settings, null, null, NOW));
        assertEquals("--backend: must be pyroscope or parca, not 'zipkin'", backend.getMessage());
        BadInputException url = assertThrows(BadInputException.class, () -> new DeployCheckRequest(
                flags(null, null), AROUND, NO_FILES).prepare(Settings.defaults(), null, null, NOW));
        assertEquals("--url: give the server's URL (or deploy.url in profgate.yml)", url.getMessage());
    }
}
