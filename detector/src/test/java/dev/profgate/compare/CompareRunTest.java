package dev.profgate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Verdict;
import dev.profgate.cli.CompareCommandTest;
import dev.profgate.config.Settings;
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
                null, Settings.defaults(), out, null).execute();
        assertEquals(Verdict.FAIL, result.comparison().verdict());
        assertEquals("cpu", result.gate());
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("<!-- profgate:gate=cpu -->"));
    }

    @Test
    void namedTypeAndGateAreUsedAndNoFolderIsWrittenWithoutOut() {
        ReportData result = new CompareRun(List.of(CompareCommandTest.V1), List.of(CompareCommandTest.V1),
                "samples", Settings.defaults(), null, "payments").execute();
        assertEquals("samples", result.comparison().profileType());
        assertEquals("payments", result.gate());
        assertEquals(Verdict.PASS, result.comparison().verdict());
    }
}
