package dev.profgate.bench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The JMH settings of a bench run: forks per side (each its own process, {@code -f 1}), warmup and measurement
 * iterations and their durations, extra options of the benchmark JVM (split at whitespace, as JMH splits them) and
 * the java that runs it.
 */
public record JmhOptions(int forks, int warmupIterations, Duration warmupTime, int iterations, Duration time,
                         List<String> jvmArgs, BenchJvm jvm) {
    /** The defaults of {@code profgate bench} (see BENCHMARKS.md for the noise they were chosen against). */
    public static final JmhOptions DEFAULTS = new JmhOptions(10, 8, Duration.ofSeconds(1), 5, Duration.ofSeconds(1),
            List.of(), BenchJvm.CURRENT);

    public JmhOptions {
        if (forks < 1 || warmupIterations < 0 || iterations < 1) {
            throw new IllegalArgumentException("forks and iterations must be at least 1, warmup iterations at least 0");
        }
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(jvm, "jvm");
    }

    /** These settings with {@code count} forks per side. */
    public JmhOptions withForks(int count) {
        return new JmhOptions(count, warmupIterations, warmupTime, iterations, time, jvmArgs, jvm);
    }

    /** The JMH arguments of one fork. */
    List<String> arguments() {
        return List.of("-f", "1", "-wi", Integer.toString(warmupIterations), "-w", jmhTime(warmupTime),
                "-i", Integer.toString(iterations), "-r", jmhTime(time));
    }

    /** The benchmarking time of one fork, without JVM start-up. */
    public Duration forkTime() {
        return warmupTime.multipliedBy(warmupIterations).plus(time.multipliedBy(iterations));
    }

    private static String jmhTime(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
