package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command to its end, standard output and error into a log file, stdin closed, within a time limit; past
 * the limit the process and all its descendants are destroyed.
 */
final class TimedProcess {
    private TimedProcess() {
    }

    /** How a run ended: its exit code, or timed out (exit code -1). */
    record Outcome(int exitCode, boolean timedOut) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    /** Runs {@code command} in {@code directory}; {@code what} names it in errors. */
    static Outcome run(List<String> command, Path directory, Path log, Duration limit, String what) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = ChildProcesses.start(builder, what);
        try {
            process.getOutputStream().close();
            if (process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Outcome(process.exitValue(), false);
            }
            ChildProcesses.destroyTree(process.toHandle());
            return new Outcome(-1, true);
        } catch (InterruptedException e) {
            ChildProcesses.destroyTree(process.toHandle());
            Thread.currentThread().interrupt();
            throw new BadInputException(what, "interrupted");
        } catch (IOException e) {
            ChildProcesses.destroyTree(process.toHandle());
            throw new BadInputException(what, "cannot talk to the process: " + e.getMessage(), e);
        } finally {
            ChildProcesses.finished(process);
        }
    }
}
