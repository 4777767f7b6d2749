package dev.profgate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Verdict;
import dev.profgate.cli.CompareCommandTest;
import dev.profgate.cli.FailOn;
import dev.profgate.report.ReportData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare flow without picocli. */
class CompareRunTest {
    @TempDir
    Path tmp;

    @Test
    void loadsComparesAndWritesWithTheProfileTypeAsDefaultGate() throws Exception {
        Path out = tmp.resolve("reports");
        ReportData result = new CompareRun(List.of(CompareCommandTest.V1), List.of(CompareCommandTest.V2),
                null, null, out, null).execute();
        assertEquals(Verdict.FAIL, result.comparison().verdict());
        assertEquals("cpu", result.gate());
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("<!-- profgate:gate=cpu -->"));
    }

    @Test
    void namedTypeAndGateAreUsedAndNoFolderIsWrittenWithoutOut() {
        ReportData result = new CompareRun(List.of(CompareCommandTest.V1), List.of(CompareCommandTest.V1),
                "samples", null, null, "payments").execute();
        assertEquals("samples", result.comparison().profileType());
        assertEquals("payments", result.gate());
        assertEquals(Verdict.PASS, result.comparison().verdict());
    }

    @Test
    void anExplicitConfigWinsOverTheDefault() {
        Path explicit = tmp.resolve("policy.yml");
        assertEquals(explicit, CompareRun.configOrDefault(explicit));
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertEquals(List.of(0, 0, 1), codes(FailOn.FAIL));
        assertEquals(List.of(0, 1, 1), codes(FailOn.WARN));
        assertEquals(List.of(0, 0, 0), codes(FailOn.NEVER));
    }

    private static List<Integer> codes(FailOn failOn) {
        return List.of(failOn.exitCode(Verdict.PASS), failOn.exitCode(Verdict.WARN), failOn.exitCode(Verdict.FAIL));
    }
}
