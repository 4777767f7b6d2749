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

/** The shared-library step run against the real profgate jar on the demo's real profiles. */
class ProfgateStepTest {
    static final Path JAR = Path.of(System.getProperty("profgate.jar", "../detector/target/profgate.jar"));

    @TempDir
    Path temp;
    PipelineHarness pipeline;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "needs the profgate jar: ./mvnw -B -q -pl detector -am package");
        pipeline = new PipelineHarness(Files.createDirectories(temp.resolve("ws")));
    }

    @Test
    void aFailingVerdictMarksTheBuildUnstableAndReturnsTheReportsCounts() throws Exception {
        Map<String, Object> result = pipeline.runStep(Map.of("base", RealReports.BASE.toString(),
                "head", RealReports.HEAD.toString(), "jar", JAR.toString()));

        ReportSummary report = ReportSummary.read(pipeline.workspace.resolve("profgate-report"));
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals("fail", result.get("verdict"));
        assertEquals((int) report.regressions(), result.get("regressions"));
        assertEquals(report.findings().size(), result.get("findings"));
        assertEquals(1, result.get("exitCode"));
        assertEquals("UNSTABLE", pipeline.result());
        assertEquals(List.of(Map.of("artifacts", "profgate-report/**", "allowEmptyArchive", false)),
                pipeline.calls("archiveArtifacts"));
    }
}
