package dev.profgate.analysis;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The replicate-level cross-checks reported beside the primary test: Welch's t-test and the Mann-Whitney U test on
 * the per-replicate shares (commons-math3, two-sided). NaN when a side has fewer than two replicates, and Welch is NaN
 * when neither side varies.
 */
final class CrossChecks {
    private CrossChecks() {
    }

    /** Per-replicate shares {@code counts[r] / totals[r]} of replicates {@code from..to}. */
    static double[] shares(long[] counts, long[] totals, int from, int to) {
        double[] shares = new double[to - from];
        for (int r = from; r < to; r++) {
            shares[r - from] = (double) counts[r] / totals[r];
        }
        return shares;
    }

    static double welch(double[] base, double[] head) {
        if (base.length < 2 || head.length < 2 || variance(base) == 0 && variance(head) == 0) {
            return Double.NaN;
        }
        return new TTest().tTest(base, head);
    }

    static double mannWhitney(double[] base, double[] head) {
        if (base.length < 2 || head.length < 2) {
            return Double.NaN;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(base, head);
    }

    private static double variance(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }
}
