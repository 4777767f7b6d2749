package dev.profgate.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.jenkins.RealReports;
import dev.profgate.jenkins.ReportSummary;
import dev.profgate.jenkins.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-library step end to end: its sh script really runs the profgate jar (built by the detector module
 * earlier in the reactor) on the demo's recorded profiles, and the step reads the real report.json it writes.
 */
class ProfgateStepTest {
    static final Path JAR = Path.of(System.getProperty("profgate.jar", "../detector/target/profgate.jar"));

    @TempDir
    Path temp;
    PipelineHarness pipeline;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR),
                "needs the profgate jar: ./mvnw -B -q -pl detector -am package (./mvnw verify builds it first)");
        pipeline = new PipelineHarness(Files.createDirectories(temp.resolve("ws")));
    }

    @Test
    void aFailingVerdictMarksTheBuildUnstableArchivesRecordsAndPublishes() throws Exception {
        Map<String, Object> result = pipeline.runStep(Map.of("base", RealReports.BASE.toString(),
                "head", RealReports.HEAD.toString(), "jar", JAR.toString()));

        String script = pipeline.calls("sh").get(0).get("script").toString();
        assertTrue(script.contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '" + JAR + "' 'compare' --base '"
                + RealReports.BASE + "' --head '" + RealReports.HEAD + "' --out 'profgate-report' --fail-on 'fail';"),
                script);
        ReportSummary report = ReportSummary.read(pipeline.workspace.resolve("profgate-report"));
        assertEquals(Verdict.FAIL, report.verdict());
        assertTrue(report.regressions() > 0);
        assertEquals("fail", result.get("verdict"));
        assertEquals((int) report.regressions(), result.get("regressions"));
        assertEquals((int) report.improvements(), result.get("improvements"));
        assertEquals(report.findings().size(), result.get("findings"));
        assertEquals((int) report.withSeverity(Verdict.FAIL), result.get("failing"));
        assertEquals(1, result.get("exitCode"));
        assertEquals("UNSTABLE", result.get("result"));
        assertEquals("UNSTABLE", pipeline.result());
        assertEquals(List.of(Map.of("artifacts", "profgate-report/**", "allowEmptyArchive", false)),
                pipeline.calls("archiveArtifacts"));
        assertEquals(List.of(Map.of("testResults", "profgate-report/junit.xml", "allowEmptyResults", true,
                "skipMarkingBuildUnstable", true)), pipeline.calls("junit"));
        assertTrue(Files.isRegularFile(pipeline.workspace.resolve("profgate-report/junit.xml")));
        Map<String, Object> html = (Map<String, Object>) pipeline.calls("publishHTML").get(0).get("target");
        assertEquals("profgate-report", html.get("reportDir"));
        assertEquals("flamegraph.svg,flamegraph.html", html.get("reportFiles"));
        for (String file : html.get("reportFiles").toString().split(",")) {
            assertTrue(Files.isRegularFile(pipeline.workspace.resolve("profgate-report").resolve(file)), file);
        }
        assertEquals("html", result.get("published"));
    }

    @Test
    void theSameProfilesOnBothSidesPassAndLeaveTheBuildAlone() throws Exception {
        Map<String, Object> result = pipeline.runStep(Map.of("base", RealReports.BASE.toString(),
                "head", List.of(RealReports.BASE.toString()), "jar", JAR.toString(), "failOn", "warn"));

        assertEquals("pass", result.get("verdict"));
        assertEquals(0, result.get("regressions"));
        assertEquals(0, result.get("exitCode"));
        assertEquals("SUCCESS", pipeline.result());
        assertEquals(1, pipeline.calls("archiveArtifacts").size());
    }

    @Test
    void anErrorOfProfgateFailsTheBuildWithItsMessage() {
        Path missing = temp.resolve("no-such-profiles");

        PipelineHarness.PipelineError error = assertThrows(PipelineHarness.PipelineError.class, () ->
                pipeline.runStep(Map.of("base", missing.toString(), "head", RealReports.HEAD.toString(),
                        "jar", JAR.toString())));

        assertTrue(error.getMessage().startsWith("profgate compare failed (exit 2): profgate: error: " + missing),
                error.getMessage());
        assertEquals("FAILURE", pipeline.result());
        assertTrue(pipeline.calls("archiveArtifacts").isEmpty());
        assertTrue(pipeline.calls("junit").isEmpty());
        assertTrue(String.join("\n", pipeline.log).contains("no such file or directory"),
                "profgate's message also reaches the log as it is printed");
    }
}
