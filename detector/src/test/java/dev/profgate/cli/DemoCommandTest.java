package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private static final Path REPO = Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void demoFailsAndNamesTheRegexCompile() throws IOException {
        assumeTrue(Files.isDirectory(REPO.resolve(DemoCommand.BASELINES)), "demo baselines not recorded in " + REPO);
        Path out = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--out", out.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(1).startsWith("FAIL  "), lines.get(1));
        assertTrue(lines.stream().skip(3).limit(3).anyMatch(l -> l.contains("java.util.regex.Pattern.compile")),
                run.out());
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("<!-- profgate:gate=demo -->\n"));
        assertTrue(Files.exists(out.resolve("report.json")) && Files.exists(out.resolve("report.txt")));
        assertTrue(Files.readString(out.resolve("flamegraph.html")).contains("id=\"flame-data\""));
        assertTrue(Files.readString(out.resolve("flamegraph.svg")).contains("java.util.regex.Pattern.compile"));
    }

    @Test
    void missingBaselinesAreOneClearLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> RepoRoot.containing("baselines/no-such"));
        assertTrue(e.getMessage().startsWith("baselines/no-such: not found"), e.getMessage());
        assertTrue(e.getMessage().contains("run from the repository root"), e.getMessage());
    }

    @Test
    void repositoryRootIsFoundFromTheWorkingDirectoryUp() {
        assertEquals(REPO, RepoRoot.containing("detector/src/main/java/dev/profgate/cli"));
    }
}
