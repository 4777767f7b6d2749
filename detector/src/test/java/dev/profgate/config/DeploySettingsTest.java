package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deploy section of profgate.yml: read beside the policy, every key optional, errors name file and line. */
class DeploySettingsTest {
    private static DeploySettings parse(String yaml) {
        return DeploySettings.parse(new StringReader(yaml), "profgate.yml");
    }

    @Test
    void readsTheServerWindowsAndLinks() {
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
        ConfigLoader.parse(new StringReader("deploy:\n  url: http://x\n"), "profgate.yml");
    }

    @Test
    void errorsNameTheFileAndLine() {
        BadInputException duration = assertThrows(BadInputException.class, () -> parse("deploy:\n  window: soon\n"));
        assertEquals("profgate.yml: line 2: deploy.window: not a duration: 'soon' (like 90s, 30m, 2h, 1d or PT30M)",
                duration.getMessage());
        BadInputException key = assertThrows(BadInputException.class, () -> parse("deploy:\n  tenant2: abc\n"));
        assertEquals(true, key.getMessage().startsWith("profgate.yml: line 2: unknown key 'tenant2'"), key.getMessage());
    }

    @Test
    void aSecretInClearTextIsRefusedWithAPointerToEnvironmentVariables() {
        for (String key : List.of("token", "password", "apiKey", "pyroscopeToken")) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> parse("deploy:\n  " + key + ": s3cr3t-value\n"));
            assertEquals(true, e.getMessage().startsWith("profgate.yml: line 2: '" + key + "' looks like a secret in "
                    + "clear text"), e.getMessage());
            assertEquals(true, e.getMessage().contains("environment variable"), e.getMessage());
            assertEquals(false, e.getMessage().contains("s3cr3t-value"), "the secret is not repeated");
        }
        assertEquals("PROFGATE_TOKEN", parse("deploy:\n  tokenEnv: PROFGATE_TOKEN\n").tokenEnv(), "a known key");
    }
}
