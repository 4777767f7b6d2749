package dev.profgate.workload;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ProfiledWorkload} in a child JVM (this JVM's {@code java}) under JDK Flight Recorder, for tests that
 * need real recordings. Start several, then {@link #await} each: they record in parallel.
 */
public final class WorkloadRecorder {
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path recording;
    private final Path log;

    private WorkloadRecorder(Process process, Path recording, Path log) {
        this.process = process;
        this.recording = recording;
        this.log = log;
    }

    /**
     * Starts recording to {@code recording} with JFR {@code settings} ("default", "profile" or a .jfc path),
     * extra {@code environment} variables and {@code jvmOptions}, running the workload with {@code workloadArgs}.
     */
    public static WorkloadRecorder start(Path recording, String settings, Map<String, String> environment,
                                         List<String> jvmOptions, String... workloadArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:StartFlightRecording=dumponexit=true,filename=" + recording + ",settings=" + settings);
        command.add("-cp");
        command.add(classpath());
        command.add(ProfiledWorkload.class.getName());
        command.addAll(List.of(workloadArgs));
        Path log = recording.resolveSibling(recording.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new WorkloadRecorder(builder.start(), recording, log);
    }

    /** Waits for the workload to end and returns the recording; fails with the child's output if it did not work. */
    public Path await() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("workload did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(recording)) {
            throw new IllegalStateException("workload failed (exit " + process.exitValue() + "): " + Files.readString(log));
        }
        return recording;
    }

    /** A .jfc file shipped with the test resources, as a path JFR can read. */
    public static String settingsFile(String resource) {
        try {
            return Path.of(WorkloadRecorder.class.getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classpath() {
        try {
            return Path.of(ProfiledWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
