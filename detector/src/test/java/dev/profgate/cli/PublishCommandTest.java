package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {
    @TempDir
    Path tmp;

    @Test
    void githubOnCompareNeedsAReportFolder() {
        CliRun run = CliRun.of("compare", "--base", CompareCommandTest.V1, "--head", CompareCommandTest.V2,
                "--github");
        assertEquals(2, run.exit());
        assertEquals("profgate: usage: --github publishes the report folder: give --out DIR (see profgate compare "
                + "--help)", run.err().strip());
    }

    @Test
    void publishNeedsAReportAndAKnownCommentMode() {
        CliRun missing = CliRun.of("publish", "github");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("profgate: usage: Missing required option: '--report=DIR'"),
                missing.err());
        CliRun badMode = CliRun.of("publish", "github", "--report", tmp.toString(), "--comment", "sometimes");
        assertEquals(2, badMode.exit());
        assertTrue(badMode.err().contains("'sometimes' is not always, on-change or never"), badMode.err());
    }

    @Test
    void aFolderWithoutAReportIsOneLineAndExitTwo() throws Exception {
        Files.writeString(tmp.resolve("report.md"), "# not a profgate report\n");
        CliRun run = CliRun.of("publish", "github", "--report", tmp.toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("profgate: error: "), run.err());
    }
}
