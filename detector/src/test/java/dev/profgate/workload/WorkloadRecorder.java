package dev.profgate.workload;

import dev.profgate.bench.jmh.Profiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ProfiledWorkload} (or another program, or one that records itself) in a child JVM (this JVM's
 * {@code java}) under JDK Flight Recorder or async-profiler, for tests that need real recordings. Start several,
 * then {@link #await} each: they record in parallel.
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
    public static WorkloadRecorder jfr(Path recording, String settings, Map<String, String> environment,
                                       List<String> jvmOptions, String... workloadArgs) throws IOException {
        return jfrProgram(recording, settings, environment, jvmOptions, classpath(), ProfiledWorkload.class.getName(),
                workloadArgs);
    }

    /** Like {@link #jfr}, running another program: {@code mainClass} from {@code classpath} with {@code args}. */
    public static WorkloadRecorder jfrProgram(Path recording, String settings, Map<String, String> environment,
                                              List<String> jvmOptions, String classpath, String mainClass,
                                              String... args) throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:StartFlightRecording=dumponexit=true,filename=" + recording + ",settings=" + settings);
        return start(recording, options, environment, classpath, mainClass, args);
    }

    /**
     * Starts recording to {@code recording} (a .jfr file) with async-profiler (the native library of the
     * {@code tools.profiler:async-profiler} test dependency, for this platform) and its {@code profilerOptions}, such
     * as {@code event=cpu,interval=5ms,alloc=256k,lock=10ms}.
     */
    public static WorkloadRecorder asyncProfiler(Path recording, String profilerOptions, String... workloadArgs)
            throws IOException {
        Path library = recording.resolveSibling("libasyncProfiler.so");
        String resource = Profiler.platformLibrary();
        if (resource == null) {
            throw new IllegalStateException("the bundled async-profiler does not run on this platform");
        }
        try (InputStream in = WorkloadRecorder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        String agent = "-agentpath:" + library + "=start," + profilerOptions + ",file=" + recording;
        return start(recording, List.of(agent), Map.of(), classpath(), ProfiledWorkload.class.getName(), workloadArgs);
    }

    /**
     * Starts {@code main} (a class of the test class path) in a child JVM that records itself, for instance with
     * {@code jdk.jfr.Recording}, into {@code output}: a file or a directory, which {@link #await} returns.
     */
    public static WorkloadRecorder selfRecording(Class<?> main, Path output, String... args) throws IOException {
        return start(output, List.of(), Map.of(), classpath(), main.getName(), args);
    }

    /** True where the bundled async-profiler library can run. */
    public static boolean asyncProfilerSupported() {
        return Profiler.platformLibrary() != null;
    }

    /** Waits for the workload to end and returns the recording; fails with the child's output if it did not work. */
    public Path await() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("workload did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
        }
        if (process.exitValue() != 0 || !Files.exists(recording)) {
            throw new IllegalStateException("workload failed (exit " + process.exitValue() + "): " + Files.readString(log));
        }
        return recording;
    }

    /** A .jfc file shipped with the test resources next to this class, as a path JFR can read. */
    public static String settingsFile(String resource) {
        try {
            return Path.of(WorkloadRecorder.class.getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkloadRecorder start(Path recording, List<String> jvmOptions, Map<String, String> environment,
                                          String classpath, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = recording.resolveSibling(recording.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new WorkloadRecorder(builder.start(), recording, log);
    }

    private static String classpath() {
        try {
            return Path.of(ProfiledWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
