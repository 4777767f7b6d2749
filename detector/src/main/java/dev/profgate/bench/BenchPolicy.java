package dev.profgate.bench;

/**
 * How benchmark scores gate a bench run: a benchmark whose slowdown is significant (Benjamini-Hochberg q of the
 * Mann-Whitney p-values over all benchmarks at most {@code alpha}) fails when the estimated slowdown reaches
 * {@code failSlowdown} (0.01 = 1%) and warns below it; {@code confidence} is the level of the ratio intervals.
 */
public record BenchPolicy(double alpha, double failSlowdown, double confidence) {
    /** q at most 5%, fail from an estimated 1% slowdown, 95% intervals (see BENCHMARKS.md for why 1%). */
    public static BenchPolicy defaults() {
        return new BenchPolicy(0.05, 0.01, 0.95);
    }
}
