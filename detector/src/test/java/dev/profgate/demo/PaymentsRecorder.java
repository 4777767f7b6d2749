package dev.profgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Runs the load driver of {@code examples/payments-api} (compiled from its sources) in a child JVM under JFR with
 * the "profile" settings, as {@code baselines/record-demo.sh} does. Start several, then {@link #await} each.
 */
final class PaymentsRecorder {
    private static final String MAIN = "dev.profgate.examples.payments.LoadMain";
    private static final long TIMEOUT_SECONDS = 120;
    private static Path classes;

    private final Process process;
    private final Path recording;
    private final Path log;

    private PaymentsRecorder(Process process, Path recording, Path log) {
        this.process = process;
        this.recording = recording;
        this.log = log;
    }

    /**
     * Starts {@code variant} for {@code seconds} on two threads, recording to {@code recording}; the child gets
     * {@code environment} added to its environment and {@code properties} as {@code -D} options.
     */
    static PaymentsRecorder start(Path recording, String variant, double seconds, Map<String, String> environment,
                                  Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:filename=" + recording + ",settings=profile", "-Dpayments.variant=" + variant));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", compiledExample().toString(), MAIN, Double.toString(seconds), "2"));
        Path log = recording.resolveSibling(recording.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new PaymentsRecorder(builder.start(), recording, log);
    }

    /** Waits for the run to end and returns the recording; fails with the child's output if it did not work. */
    Path await() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("payments run did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(recording)) {
            throw new IllegalStateException("payments run failed (exit " + process.exitValue() + "): " + Files.readString(log));
        }
        return recording;
    }

    static Path repo() {
        return Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    }

    private static synchronized Path compiledExample() throws IOException {
        if (classes == null) {
            Path out = repo().resolve("detector/target/payments-api-classes");
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
            try (Stream<Path> sources = Files.walk(repo().resolve("examples/payments-api/src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)),
                    "examples/payments-api does not compile");
            classes = out;
        }
        return classes;
    }
}
