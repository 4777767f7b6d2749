package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy section of profgate.yml: read in the one parse of {@link Settings}, every key optional, errors name
 * file and line; flags are laid over it, and it over the defaults.
 */
class DeploySettingsTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("profgate.yml"), yaml);
    }

    private DeploySettings parse(String yaml) throws IOException {
        return Settings.load(write(yaml)).deploy();
    }

    @Test
    void readsTheServerWindowsAndLinks() throws IOException {
        DeploySettings s = parse("""
                fdr: 0.05
                deploy:
                  url: https://pyroscope.example.com
                  tenant: team-a
                  tokenEnv: PYROSCOPE_TOKEN
                  window: 45m
                  gap: 90s
                  replicates: 4
                  links: {grafana: 'https://grafana.example.com', grafanaDatasource: pyro}
                """);
        assertEquals("https://pyroscope.example.com", s.url());
        assertEquals("team-a", s.tenant());
        assertEquals("PYROSCOPE_TOKEN", s.tokenEnv());
        assertEquals(Duration.ofMinutes(45), s.window());
        assertEquals(Duration.ofSeconds(90), s.gap());
        assertEquals(4, s.replicates());
        assertEquals("pyro", s.links().grafanaDatasource());
        assertNull(s.backend());
        assertNull(s.links().traces());
        assertEquals(DeploySettings.none(), parse("fdr: 0.05\n"));
        assertEquals(DeploySettings.none(), Settings.defaults().deploy());
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        Path file = write("deploy:\n  window: soon\n");
        BadInputException duration = assertThrows(BadInputException.class, () -> Settings.load(file));
        assertEquals(file + ": line 2: deploy.window: not a duration: 'soon' (like 90s, 30m, 2h, 1d or PT30M)",
                duration.getMessage());
        BadInputException key = assertThrows(BadInputException.class, () -> parse("deploy:\n  tenant2: abc\n"));
        assertEquals(true, key.getMessage().startsWith(file + ": line 2: unknown key 'tenant2'"), key.getMessage());
    }

    @Test
    void aSecretInClearTextIsRefusedWithAPointerToEnvironmentVariables() throws IOException {
        for (String key : List.of("token", "password", "apiKey", "pyroscopeToken")) {
            Path file = write("deploy:\n  " + key + ": s3cr3t-value\n");
            BadInputException e = assertThrows(BadInputException.class, () -> Settings.load(file));
            assertEquals(true, e.getMessage().startsWith(file + ": line 2: '" + key + "' looks like a secret in "
                    + "clear text"), e.getMessage());
            assertEquals(true, e.getMessage().contains("environment variable"), e.getMessage());
            assertEquals(false, e.getMessage().contains("s3cr3t-value"), "the secret is not repeated");
        }
        assertEquals("PROFGATE_TOKEN", parse("deploy:\n  tokenEnv: PROFGATE_TOKEN\n").tokenEnv(), "a known key");
    }

    @Test
    void aFlagWinsOverTheFileAndTheFileOverTheDefault() throws IOException {
        DeploySettings file = parse("deploy:\n  url: http://file\n  window: 45m\n  links: {ui: 'http://ui'}\n");
        DeploySettings flags = new DeploySettings(null, "http://flag", null, null, null, null, null, null, null,
                Duration.ofMinutes(5), null, null, null, null, null, null,
                new DeploySettings.Links(null, "http://grafana", null, null));
        DeploySettings merged = Overlay.of(flags, file, DeploySettings.DEFAULTS);
        assertEquals("http://flag", merged.url());
        assertEquals(Duration.ofMinutes(5), merged.gap());
        assertEquals(Duration.ofMinutes(45), merged.window());
        assertEquals(new DeploySettings.Links("http://ui", "http://grafana", null, null), merged.links());
        assertEquals("pyroscope", merged.backend());
        assertEquals(100, merged.minSamples());
        assertNull(merged.tokenEnv());
        assertEquals(DeploySettings.DEFAULTS, Overlay.of(DeploySettings.none(), DeploySettings.none(),
                DeploySettings.DEFAULTS));
    }
}
