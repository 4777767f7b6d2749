package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian {@code chromium}, driven by npm {@code playwright-core} from {@code src/test/browser}) for
 * the browser tests. {@link #require} skips the test with a message when Node.js, Chromium or playwright-core are
 * missing, except under CI ({@code CI=true}), where {@code .ci/run} installs them and their absence fails the test.
 */
public final class BrowserCheck {
    static final Path REPO = Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    static final Path SCRIPTS = REPO.resolve("detector/src/test/browser");
    /** Where the checks save their screenshots. */
    public static final Path SCREENSHOTS = REPO.resolve("detector/target/browser");
    public static final String CHROMIUM = System.getenv().getOrDefault("PROFGATE_CHROMIUM", "/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserCheck() {
    }

    /** Skips (or under CI fails) the calling test when the browser, Node.js or playwright-core is missing. */
    public static void require() {
        require(Files.isExecutable(Path.of(CHROMIUM)), "Chromium not found at " + CHROMIUM
                + " (apt-get install chromium, or set PROFGATE_CHROMIUM)");
        require(runs("node", "--version"), "Node.js not found on the PATH (apt-get install nodejs)");
        require(Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")),
                "playwright-core not installed: run 'npm ci' in " + SCRIPTS);
    }

    /**
     * Runs {@code node SCRIPT CHROMIUM ARGS...} in {@code src/test/browser} (3 minutes at most) and returns the JSON
     * object its last line printed; a failure shows the script's output.
     */
    public static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("browser-check", ".log");
        Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!done) {
            process.destroyForcibly();
            fail("the browser check did not finish in 3 minutes:\n" + output);
        }
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void require(boolean present, String message) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(message + "; .ci/run installs it, so under CI this is an error");
        }
        Assumptions.assumeTrue(present, "browser test skipped: " + message);
    }
}
