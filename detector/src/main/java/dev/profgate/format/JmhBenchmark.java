package dev.profgate.format;

import java.util.List;
import java.util.Map;

/**
 * One benchmark of a JMH result file ({@code -rf json}): its name, mode ({@code avgt}, {@code thrpt}, {@code ss}),
 * threads, parameters, the primary metric, the secondary metrics (such as {@code gc.alloc.rate.norm} of
 * {@code -prof gc}) by name, and how long its warmup and measurement iterations ran in each fork (null when the file
 * does not say, or in single-shot mode, where iterations are not timed).
 */
public record JmhBenchmark(String benchmark, String mode, int threads, Map<String, String> params, Metric primary,
                        Map<String, Metric> secondary, Phases phases) {
    public JmhBenchmark {
        params = Map.copyOf(params);
        secondary = Map.copyOf(secondary);
    }

    /** The time a fork spends in its warmup iterations and in its measurement iterations, in nanoseconds. */
    public record Phases(long warmupNanos, long measurementNanos) {
        /** The share of the timed iterations that are measured: {@code measurement / (warmup + measurement)}. */
        public double measuredFraction() {
            return (double) measurementNanos / (warmupNanos + measurementNanos);
        }
    }

    /** A metric's unit ({@code ns/op}) and raw scores: one list per fork, one score per measurement iteration. */
    public record Metric(String unit, List<List<Double>> rawData) {
        public Metric {
            rawData = rawData.stream().map(List::copyOf).toList();
        }

        /** The score of each fork: the mean of its iterations, as JMH aggregates them. */
        public double[] forkScores() {
            return rawData.stream().mapToDouble(fork -> fork.stream().mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN)).toArray();
        }
    }
}
