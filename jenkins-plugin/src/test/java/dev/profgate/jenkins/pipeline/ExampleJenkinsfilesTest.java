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
 * The example Jenkinsfiles load the library with {@code @Library}, and run as written: the step's own scripts run
 * for real against a stand-in {@code $JAVA_HOME/bin/java} that plays profgate (bench and deploy-check need a
 * toolchain and a server), the examples' other scripts (builds) are recorded.
 */
class ExampleJenkinsfilesTest {
    static final Path EXAMPLES = PipelineHarness.LIBRARY.resolve("examples");

    @TempDir
    Path temp;
    PipelineHarness pipeline;

    @BeforeEach
    void setUp() throws Exception {
        pipeline = new PipelineHarness(Files.createDirectories(temp.resolve("ws")));
        pipeline.runForReal(script -> script.startsWith("set +"));
    }

    @Test
    void thePrBenchmarkGateRunsBenchAndPublishesToThePullRequest() throws Exception {
        FakeProfgate java = FakeProfgate.java(temp, RealReports.folder(Verdict.FAIL), 1);
        pipeline.env.put("JAVA_HOME", java.javaHome().toString());
        pipeline.env.put("CHANGE_ID", "17");
        pipeline.env.put("CHANGE_TARGET", "release");
        pipeline.credential("github-token", Map.of("secret", "ghp_example"));

        pipeline.runJenkinsfile(EXAMPLES.resolve("Jenkinsfile.pr-bench-gate"), "v0.1.0");

        List<FakeProfgate.Invocation> runs = java.invocations();
        assertEquals(List.of("bench", "--base-ref", "origin/release", "--head-ref", "HEAD", "--build",
                "./mvnw -B -q -pl benchmarks -am package -DskipTests", "--jar", "benchmarks/target/benchmarks.jar",
                "--out", "profgate-report", "--fail-on", "fail"), runs.get(0).args());
        assertEquals("publish", runs.get(1).args().get(0));
        assertEquals("ghp_example", runs.get(1).env("GITHUB_TOKEN"));
        assertEquals("UNSTABLE", pipeline.result());
        assertTrue(pipeline.calls("echo").stream().anyMatch(e -> e.get("value").toString()
                .startsWith("profgate verdict: fail (")));
        assertTrue(pipeline.calls("sh").stream().anyMatch(sh -> sh.get("script").toString()
                .equals("./mvnw -B -q -pl detector -am package -DskipTests")));
    }

    @Test
    void thePostDeployCheckComparesPyroscopeWindowsWithTheBoundToken() throws Exception {
        FakeProfgate java = FakeProfgate.java(temp, RealReports.folder(Verdict.WARN), 0);
        pipeline.env.put("JAVA_HOME", java.javaHome().toString());
        pipeline.credential("pyroscope-token", Map.of("secret", "psx_example"));
        ((Map<String, Object>) pipeline.getBinding().getVariable("params")).put("DEPLOYED_AT", "2026-03-02T14:05:00Z");

        pipeline.runJenkinsfile(EXAMPLES.resolve("Jenkinsfile.post-deploy-check"), "v0.1.0");

        FakeProfgate.Invocation run = java.invocations().get(0);
        assertEquals("deploy-check", run.args().get(0));
        assertTrue(run.args().containsAll(List.of("--deployed-at", "2026-03-02T14:05:00Z", "--token-env",
                "PROFGATE_PYROSCOPE_TOKEN")), run.args().toString());
        assertEquals("psx_example", run.env("PROFGATE_PYROSCOPE_TOKEN"));
        assertEquals("UNSTABLE", pipeline.result(), "failOn warn: the warning marks the build");
        assertFalse(pipeline.texts().stream().anyMatch(text -> text.contains("psx_example")));
    }

    @Test
    void theQuarterlyReportRunsOnACronTrigger() throws Exception {
        pipeline.runJenkinsfile(EXAMPLES.resolve("Jenkinsfile.quarterly"), "v0.1.0");

        assertEquals("H 6 1 1,4,7,10 *", pipeline.calls("cron").get(0).get("value"));
        assertTrue(pipeline.calls("sh").stream().anyMatch(sh -> sh.get("script").toString()
                .contains(".profgate/bin/profgate quarterly --from \"$from\" --to \"$to\"")));
        assertEquals("reports/*-Q*/**", pipeline.calls("archiveArtifacts").get(0).get("artifacts"));
    }

    @Test
    void theHourlyWatchRunsOnACronTriggerAndKeepsTheIssuesWithTheBoundToken() throws Exception {
        FakeProfgate java = FakeProfgate.java(temp, watchReport(temp, "fail"), 1);
        pipeline.env.put("JAVA_HOME", java.javaHome().toString());
        pipeline.credential("github-token", Map.of("secret", "ghp_example"));

        pipeline.runJenkinsfile(EXAMPLES.resolve("Jenkinsfile.watch-hourly"), "v0.1.0");

        assertEquals("H * * * *", pipeline.calls("cron").get(0).get("value"));
        FakeProfgate.Invocation run = java.invocations().get(0);
        assertEquals(List.of("watch", "--from", "now-7d", "--to", "now", "--step", "1h", "--deploys", "deploys.txt",
                "--github", "--out", "watch-report", "--fail-on", "fail"), run.args());
        RealReports.assertCliAccepts(run.args());
        assertEquals("ghp_example", run.env("GITHUB_TOKEN"));
        assertEquals("acme/payments", run.env("GITHUB_REPOSITORY"));
        assertEquals(1, java.invocations().size(), "watch writes the issues itself: no 'publish github'");
        assertEquals("UNSTABLE", pipeline.result());
        assertTrue(pipeline.calls("echo").stream().anyMatch(e -> e.get("value").toString()
                .equals("profgate watch: fail (1 regressions)")), pipeline.calls("echo").toString());
        assertFalse(pipeline.texts().stream().anyMatch(text -> text.contains("ghp_example")));
    }

    /** A watch report folder: a report.json as {@code profgate watch} writes it, one regression of {@code verdict}. */
    static Path watchReport(Path dir, String verdict) throws java.io.IOException {
        Path folder = Files.createDirectories(dir.resolve("watch-" + verdict));
        Files.writeString(folder.resolve("report.json"), """
                {"schema": "profgate.watch", "schemaVersion": 1, "verdict": "%s", "steps": 168,
                 "changePoints": [{"service": "checkout", "step": 100, "at": "2026-03-06T04:00:00Z",
                   "finding": {"function": "regexp.compile", "kind": "regression", "severity": "%s"}}],
                 "transients": [], "creeps": [], "notes": []}
                """.formatted(verdict, verdict));
        Files.writeString(folder.resolve("report.md"), "## profgate watch\n");
        return folder;
    }
}
