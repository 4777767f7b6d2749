package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --version} names the version the POM gives and the commit the build was made from ({@code git rev-parse
 * HEAD} of the checkout, "unknown" outside one), as the build wrote them into the jar; {@link CiOutputsTest} finds
 * the same in report.json and SARIF.
 */
class VersionOptionTest {
    @Test
    void versionNamesThePomVersionAndTheCommitBuilt() throws Exception {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit(), run.err());
        assertEquals("profgate " + pomVersion() + " (commit " + head() + ")\n", run.out());
    }

    /** The project version, as surefire passes it. */
    static String pomVersion() {
        return System.getProperty("profgate.version");
    }

    /** The commit checked out in the repository, or "unknown" when it is not a git checkout. */
    static String head() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(TestFiles.repo().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        git.waitFor(30, TimeUnit.SECONDS);
        return git.exitValue() == 0 ? out : "unknown";
    }
}
