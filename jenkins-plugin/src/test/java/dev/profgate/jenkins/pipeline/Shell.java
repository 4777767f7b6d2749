package dev.profgate.jenkins.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script as Jenkins' sh step does: {@code /bin/sh -xe}, in the workspace, output and errors together. */
final class Shell {
    private Shell() {
    }

    /** A finished script: its exit status and everything it printed (the trace included). */
    record Run(int status, String output) {
    }

    static Run run(String script, Path workspace, Map<String, String> environment) {
        try {
            ProcessBuilder process = new ProcessBuilder("/bin/sh", "-xe", "-c", script).directory(workspace.toFile());
            process.environment().putAll(environment);
            Path output = Files.createTempFile(workspace.getParent(), "sh", ".log");
            process.redirectErrorStream(true).redirectOutput(output.toFile());
            Process running = process.start();
            if (!running.waitFor(5, TimeUnit.MINUTES)) {
                running.destroyForcibly();
                throw new IllegalStateException("sh did not end in 5 minutes: " + script);
            }
            return new Run(running.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
