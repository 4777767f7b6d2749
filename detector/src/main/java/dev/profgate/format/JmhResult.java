package dev.profgate.format;

import java.util.List;
import java.util.Map;

/**
 * One benchmark of a JMH result file ({@code -rf json}): its name, mode ({@code avgt}, {@code thrpt}, {@code ss}),
 * threads, parameters, the primary metric and the secondary metrics (such as {@code gc.alloc.rate.norm} of
 * {@code -prof gc}) by name.
 */
public record JmhResult(String benchmark, String mode, int threads, Map<String, String> params, Metric primary,
                        Map<String, Metric> secondary) {
    public JmhResult {
        params = Map.copyOf(params);
        secondary = Map.copyOf(secondary);
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
