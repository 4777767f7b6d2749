package dev.profgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The load driver of {@code examples/payments-api}, compiled from its sources, recorded in a child JVM with JFR's
 * "profile" settings on two threads, as {@code baselines/record-demo.sh} does, but for a fixed number of requests
 * rather than a fixed time, so that a busy machine still yields enough samples.
 */
final class PaymentsWorkload {
    private static final String MAIN = "dev.profgate.examples.payments.LoadMain";
    private static final String TIME_LIMIT_SECONDS = "100";
    private static Path classes;

    private PaymentsWorkload() {
    }

    /**
     * Starts {@code variant} for {@code requests} requests per thread, recording to {@code recording}; the child gets
     * {@code environment} added to its environment and {@code properties} as {@code -D} options.
     */
    static WorkloadRecorder start(Path recording, String variant, long requests, Map<String, String> environment,
                                  Map<String, String> properties) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Dpayments.variant=" + variant));
        properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        return WorkloadRecorder.jfrProgram(recording, "profile", environment, options, compiledExample().toString(),
                MAIN, TIME_LIMIT_SECONDS, "2", Long.toString(requests));
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
