package dev.profgate.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.jenkins.RealReports;
import dev.profgate.jenkins.ReportSummary;
import dev.profgate.jenkins.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the step gates: build result for every verdict and failOn, publishing with and without the HTML Publisher
 * plugin, refused parameters. profgate is replaced by a launcher that writes a real report folder (made by the
 * engine from the demo's profiles) so each case costs no JVM start.
 */
class ProfgateGateTest {
    @TempDir
    Path temp;
    PipelineHarness pipeline;

    @BeforeEach
    void setUp() throws Exception {
        pipeline = new PipelineHarness(Files.createDirectories(temp.resolve("ws")));
    }

    @ParameterizedTest(name = "verdict {0}, failOn {1}: {2}")
    @CsvSource({"PASS, fail, SUCCESS", "PASS, warn, SUCCESS", "PASS, never, SUCCESS",
            "WARN, fail, SUCCESS", "WARN, warn, UNSTABLE", "WARN, never, SUCCESS",
            "FAIL, fail, UNSTABLE", "FAIL, warn, UNSTABLE", "FAIL, never, SUCCESS"})
    void theBuildResultFollowsTheVerdictAndFailOn(Verdict verdict, String failOn, String expected) throws Exception {
        Path report = RealReports.folder(verdict);
        FakeProfgate fake = FakeProfgate.launcher(temp, report, expected.equals("UNSTABLE") ? 1 : 0);

        Map<String, Object> result = pipeline.runStep(Map.of("base", "base/", "head", "head/", "failOn", failOn,
                "launcher", fake.program.toString()));

        assertEquals(expected, pipeline.result());
        assertEquals(expected, result.get("result"));
        assertEquals(verdict.label(), result.get("verdict"));
        assertEquals((int) ReportSummary.read(report).regressions(), result.get("regressions"));
        assertTrue(fake.invocations().get(0).args().containsAll(java.util.List.of("--fail-on", failOn)));
    }

    @Test
    void withoutHtmlPublisherTheBuildDescriptionAndLogLinkTheStaticSvg() throws Exception {
        pipeline.withoutHtmlPublisher();
        pipeline.currentBuild().put("description", "deployed by alice");
        FakeProfgate fake = FakeProfgate.launcher(temp, RealReports.folder(Verdict.FAIL), 1);

        Map<String, Object> result = pipeline.runStep(Map.of("base", "b", "head", "h", "out", "reports/perf",
                "launcher", fake.program.toString()));

        ReportSummary report = ReportSummary.read(RealReports.folder(Verdict.FAIL));
        assertEquals("svg", result.get("published"));
        assertTrue(pipeline.calls("publishHTML").isEmpty());
        assertEquals("deployed by alice\nprofgate FAIL: " + report.regressions() + " regressions, "
                + report.improvements() + " improvements", String.valueOf(pipeline.currentBuild().get("description")));
        assertTrue(pipeline.calls("echo").stream().anyMatch(echo -> echo.get("value").toString()
                .endsWith("https://jenkins.example.com/job/app/7/artifact/reports/perf/flamegraph.svg")));
        assertTrue(Files.isRegularFile(pipeline.workspace.resolve("reports/perf/flamegraph.svg")));
        assertEquals("reports/perf/**", pipeline.calls("archiveArtifacts").get(0).get("artifacts"));
        assertEquals("reports/perf/junit.xml", pipeline.calls("junit").get(0).get("testResults"));
    }

    @Test
    void aRunThatWroteNoReportIsAnError() throws Exception {
        FakeProfgate fake = FakeProfgate.launcher(temp, null, 0);

        PipelineHarness.PipelineError error = assertThrows(PipelineHarness.PipelineError.class,
                () -> pipeline.runStep(Map.of("base", "b", "head", "h", "launcher", fake.program.toString())));

        assertEquals("profgate compare failed (exit 0): profgate: fake run", error.getMessage());
        assertEquals("FAILURE", pipeline.result());
        assertTrue(pipeline.calls("archiveArtifacts").isEmpty());
    }

    @Test
    void aMisspeltParameterIsRefusedBeforeAnythingRuns() {
        Map<String, Object> params = new HashMap<>(Map.of("base", "b", "head", "h", "failon", "warn"));

        PipelineHarness.PipelineError error = assertThrows(PipelineHarness.PipelineError.class,
                () -> pipeline.runStep(params));

        assertTrue(error.getMessage().startsWith("profgate: unknown parameter(s) failon; known: mode, base, head"),
                error.getMessage());
        assertTrue(pipeline.calls("sh").isEmpty());
    }

    @Test
    void badModesAndMissingSidesAreRefused() {
        assertEquals("profgate: mode is 'diff'; use compare, bench, deploy or watch", refusal(Map.of("mode", "diff")));
        assertEquals("profgate: failOn is 'always'; use fail, warn or never",
                refusal(Map.of("base", "b", "head", "h", "failOn", "always")));
        assertEquals("profgate: compare needs base and head profiles (files, folders or globs)",
                refusal(Map.of("base", "b")));
        assertEquals("profgate: deploy needs pyroscopeUrl", refusal(Map.of("mode", "deploy")));
        assertEquals("profgate: jvm applies to mode bench only",
                refusal(Map.of("base", "b", "head", "h", "jvm", "/opt/jdk-21")));
        assertEquals("profgate: profiles, from, to, step, deploys and versionLabel apply to mode watch only",
                refusal(Map.of("base", "b", "head", "h", "from", "now-7d")));
        assertEquals("profgate: versionLabel reads the deploys from Pyroscope: give pyroscopeUrl and selector",
                refusal(Map.of("mode", "watch", "profiles", "week", "versionLabel", "service_version")));
        assertEquals("profgate: watch reads either pyroscopeUrl or profiles, not both",
                refusal(Map.of("mode", "watch", "profiles", "week", "pyroscopeUrl", "http://p:4040")));
        assertTrue(refusal(Map.of("mode", "watch", "gate", "cpu")).startsWith("profgate: gate does not apply to mode "
                + "watch"));
        assertFalse(pipeline.calls("error").isEmpty());
        assertTrue(pipeline.calls("sh").isEmpty());
    }

    private String refusal(Map<String, Object> params) {
        return assertThrows(PipelineHarness.PipelineError.class, () -> pipeline.runStep(params)).getMessage();
    }
}
