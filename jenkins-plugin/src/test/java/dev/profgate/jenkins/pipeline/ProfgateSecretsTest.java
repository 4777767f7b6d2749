package dev.profgate.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.jenkins.RealReports;
import dev.profgate.jenkins.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials: the Pyroscope token, user and password and the GitHub token are bound with withCredentials, reach
 * profgate in its environment, and appear in no sh script, echo, error, written file or log line.
 */
class ProfgateSecretsTest {
    static final String TOKEN = "pyro-token-5f2c9e";
    static final String USER = "svc-profgate-7d1";
    static final String PASSWORD = "pa$$ 'word\" `x`";
    static final String GITHUB = "ghp_secret0123456789";

    @TempDir
    Path temp;
    PipelineHarness pipeline;
    FakeProfgate fake;

    @BeforeEach
    void setUp() throws Exception {
        pipeline = new PipelineHarness(Files.createDirectories(temp.resolve("ws")));
        pipeline.credential("pyroscope-token", Map.of("secret", TOKEN));
        pipeline.credential("pyroscope-basic", Map.of("username", USER, "password", PASSWORD));
        pipeline.credential("github-token", Map.of("secret", GITHUB));
        pipeline.env.put("CHANGE_ID", "42");
        pipeline.env.put("GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567");
        fake = FakeProfgate.launcher(temp, RealReports.folder(Verdict.WARN), 0);
    }

    @Test
    void deployCredentialsReachProfgateOnlyThroughItsEnvironment() throws Exception {
        pipeline.runStep(Map.of("mode", "deploy", "pyroscopeUrl", "http://127.0.0.1:4040",
                "selector", "{service_name=\"payments-api\"}", "deployedAt", "2026-03-02T14:05:00Z",
                "pyroscopeCredentialsId", "pyroscope-token", "pyroscopeBasicCredentialsId", "pyroscope-basic",
                "launcher", fake.program.toString()));

        FakeProfgate.Invocation run = fake.invocations().get(0);
        assertEquals(TOKEN, run.env("PROFGATE_PYROSCOPE_TOKEN"));
        assertEquals(PASSWORD, run.env("PROFGATE_PYROSCOPE_PASSWORD"));
        assertEquals(List.of("deploy-check", "--url", "http://127.0.0.1:4040", "--selector",
                "{service_name=\"payments-api\"}", "--deployed-at", "2026-03-02T14:05:00Z",
                "--token-env", "PROFGATE_PYROSCOPE_TOKEN", "--user", USER, "--password-env",
                "PROFGATE_PYROSCOPE_PASSWORD", "--out", "profgate-report", "--fail-on", "fail"), run.args());
        assertNoSecretIn(pipeline.texts());
        assertEquals("<unset>", run.env("GITHUB_TOKEN"), "no GitHub token without githubCredentialsId");
    }

    @Test
    void theGitHubTokenReachesOnlyThePublishRun() throws Exception {
        pipeline.runStep(Map.of("base", "b", "head", "h", "githubCredentialsId", "github-token",
                "githubRepository", "acme/payments-api", "githubApiUrl", "http://127.0.0.1:9/api/v3",
                "comment", "on-change", "launcher", fake.program.toString()));

        List<FakeProfgate.Invocation> runs = fake.invocations();
        assertEquals(2, runs.size());
        assertEquals("<unset>", runs.get(0).env("GITHUB_TOKEN"), "the comparison itself never sees the token");
        FakeProfgate.Invocation publish = runs.get(1);
        assertEquals(List.of("publish", "github", "--report", "profgate-report", "--fail-on", "never",
                "--comment", "on-change"), publish.args());
        RealReports.assertCliAccepts(publish.args());
        assertEquals(GITHUB, publish.env("GITHUB_TOKEN"));
        assertEquals("acme/payments-api", publish.env("GITHUB_REPOSITORY"));
        assertEquals("http://127.0.0.1:9/api/v3", publish.env("GITHUB_API_URL"));
        assertEquals("{\"pull_request\":{\"number\":42,\"head\":{\"sha\":\""
                + "0123456789abcdef0123456789abcdef01234567\"}}}", publish.event());
        assertNoSecretIn(pipeline.texts());
        assertEquals(1, pipeline.calls("withCredentials").size());
    }

    @Test
    void theScriptTurnsTracingOffSoTheShellNeverPrintsTheExpandedUser() throws Exception {
        pipeline.runStep(Map.of("mode", "deploy", "pyroscopeUrl", "http://127.0.0.1:4040",
                "pyroscopeBasicCredentialsId", "pyroscope-basic", "launcher", fake.program.toString()));

        String script = pipeline.calls("sh").get(0).get("script").toString();
        assertTrue(script.startsWith("set +ex\n"), script);
        assertTrue(script.contains("--user \"$PROFGATE_PYROSCOPE_USER\""), script);
        assertNoSecretIn(pipeline.log);
        // the check can fail: the same script with Jenkins' tracing left on prints the expanded user name
        Shell.Run traced = Shell.run(script.replace("set +ex\n", "set +e\n"), pipeline.workspace,
                Map.of("PROFGATE_PYROSCOPE_USER", USER, "PROFGATE_PYROSCOPE_PASSWORD", PASSWORD));
        assertTrue(traced.output().contains(USER), traced.output());
    }

    private static void assertNoSecretIn(List<String> texts) {
        for (String text : texts) {
            for (String secret : List.of(TOKEN, USER, PASSWORD, GITHUB)) {
                assertFalse(text.contains(secret), () -> "secret '" + secret + "' in: " + text);
            }
        }
    }
}
