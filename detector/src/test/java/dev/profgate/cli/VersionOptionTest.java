package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --version}, report.json and SARIF name the version the POM gives and the commit the build was made from
 * ({@code git rev-parse HEAD} of the checkout, "unknown" outside one), as the build wrote them into the jar.
 */
class VersionOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void versionNamesThePomVersionAndTheCommitBuilt() throws Exception {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit(), run.err());
        assertEquals("profgate " + pomVersion() + " (commit " + head() + ")\n", run.out());
    }

    @Test
    void reportJsonAndSarifCarryTheVersionAndTheCommit() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("compare", "--base", CompareCommandTest.V1, "--head", CompareCommandTest.V2, "--out",
                out.toString());
        assertEquals(1, run.exit(), run.err());
        JsonNode tool = JSON.readTree(out.resolve("report.json").toFile()).get("tool");
        assertEquals("profgate", tool.get("name").textValue());
        assertEquals(pomVersion(), tool.get("version").textValue());
        assertEquals(head(), tool.get("commit").textValue());
        JsonNode driver = JSON.readTree(out.resolve("report.sarif").toFile()).at("/runs/0/tool/driver");
        assertEquals(pomVersion(), driver.get("version").textValue());
        assertEquals(pomVersion(), driver.get("semanticVersion").textValue());
        assertEquals(head(), driver.at("/properties/commit").textValue());
    }

    /** The project version, as surefire passes it. */
    private static String pomVersion() {
        return System.getProperty("profgate.version");
    }

    /** The commit checked out in the repository, or "unknown" when it is not a git checkout. */
    private static String head() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(TestFiles.repo().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        git.waitFor(30, TimeUnit.SECONDS);
        return git.exitValue() == 0 ? out : "unknown";
    }
}
