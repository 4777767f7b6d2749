package dev.profgate.bench;

import dev.profgate.analysis.Interval;
import dev.profgate.analysis.Verdict;
import java.util.List;

/**
 * One measure of a benchmark ({@code metric}: {@link #SCORE}, JMH's score, or {@link #CPU}, the CPU time of the
 * benchmark threads per operation) compared in the style of benchstat: the per-fork values of each side (each the
 * mean of the fork's measurement iterations), their medians, the change as the ratio head / base (Hodges-Lehmann estimate on
 * log scores, so {@code ratio = exp(median of log(head_j) - log(base_i))}) with its distribution-free interval,
 * the two-sided Mann-Whitney U p-value over the fork scores (commons-math3, normal approximation), the
 * Benjamini-Hochberg q-value over all comparisons of the run, and the verdict of {@link BenchPolicy}.
 * {@code fullCoverage} is false when too few forks made the interval narrower than its nominal level.
 */
public record ScoreComparison(String metric, String unit, List<Double> base, List<Double> head, double baseMedian,
                              double headMedian, double ratio, Interval ratioCi, boolean fullCoverage, double pValue,
                              double qValue, boolean significant, Verdict verdict) {
    /** The metric name of JMH's score. */
    public static final String SCORE = "score";
    /** The metric name of the CPU time per operation. */
    public static final String CPU = "cpu time";

    public ScoreComparison {
        base = List.copyOf(base);
        head = List.copyOf(head);
    }

    /** True when a lower score is better (time per operation). */
    public boolean lowerIsBetter() {
        return ScoreUnit.lowerIsBetter(unit);
    }

    /** How much worse head is, as a fraction: {@code 0.034} is 3.4% slower (or 3.4% more time per operation). */
    public double slowdown() {
        return slowdown(ratio, unit);
    }

    /** The interval of {@link #slowdown()}. */
    public Interval slowdownCi() {
        double a = slowdown(ratioCi.low(), unit);
        double b = slowdown(ratioCi.high(), unit);
        return new Interval(Math.min(a, b), Math.max(a, b));
    }

    /** The slowdown that the ratio head / base {@code ratio} of scores in {@code unit} means. */
    static double slowdown(double ratio, String unit) {
        return ScoreUnit.lowerIsBetter(unit) ? ratio - 1 : 1 / ratio - 1;
    }
}
