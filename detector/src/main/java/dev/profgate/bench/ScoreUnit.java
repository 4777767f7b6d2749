package dev.profgate.bench;

import java.util.Map;

/**
 * JMH score units: time per operation ({@code ns/op} ... {@code s/op}, lower is better) or operations per time
 * ({@code ops/ns} ... {@code ops/s}, higher is better), converted to nanoseconds per operation.
 */
public final class ScoreUnit {
    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9, "m", 60e9);

    private ScoreUnit() {
    }

    /** True for time-per-operation units, false for throughput units. */
    public static boolean lowerIsBetter(String unit) {
        return !unit.startsWith("ops/");
    }

    /** A score in {@code unit} as nanoseconds per operation; NaN when the unit is neither kind. */
    public static double nanosPerOp(double score, String unit) {
        if (unit.startsWith("ops/")) {
            Double nanos = NANOS.get(unit.substring(4));
            return nanos == null ? Double.NaN : nanos / score;
        }
        if (unit.endsWith("/op")) {
            Double nanos = NANOS.get(unit.substring(0, unit.length() - 3));
            return nanos == null ? Double.NaN : score * nanos;
        }
        return Double.NaN;
    }
}
