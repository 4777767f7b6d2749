package dev.profgate.watch;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Candidate change points of one function's count series by binary segmentation: the step that best splits a
 * segment into two levels, by the likelihood ratio of a quasi-Poisson model (counts {@code y[t]} around
 * {@code level * e[t]}, {@code e} the step's effective size, the deviance divided by the series' dispersion), is a
 * candidate when the ratio exceeds the chi-squared quantile at {@link #ALPHA} over the steps; both halves are then
 * searched again, at most {@link #MAX_POINTS} points a series. The dispersion comes from the differences of
 * consecutive steps (median absolute deviation), so the steps themselves barely move it. Only candidates: the engine's
 * test decides.
 */
final class Segmentation {
    /** The significance of a split before the engine's test, over all steps of the series. */
    static final double ALPHA = 0.01;
    /** The most candidates taken from one series. */
    static final int MAX_POINTS = 8;
    private static final ChiSquaredDistribution CHI2 = new ChiSquaredDistribution(null, 1);

    private final long[] cumulativeY;
    private final double[] cumulativeE;
    private final double dispersion;
    private final double threshold;
    private final double[] found;
    private int points;

    private Segmentation(long[] y, double[] e) {
        int n = y.length;
        cumulativeY = new long[n + 1];
        cumulativeE = new double[n + 1];
        for (int t = 0; t < n; t++) {
            cumulativeY[t + 1] = cumulativeY[t] + y[t];
            cumulativeE[t + 1] = cumulativeE[t] + e[t];
        }
        dispersion = dispersion(y, e, cumulativeY[n] / cumulativeE[n]);
        threshold = CHI2.inverseCumulativeProbability(1 - ALPHA / n);
        found = new double[n];
    }

    /**
     * The statistic (deviance over dispersion) of every step that starts a new segment, 0 elsewhere; {@code e[t]} is 0
     * for a step without samples.
     */
    static double[] candidates(long[] y, double[] e) {
        Segmentation segmentation = new Segmentation(y, e);
        if (segmentation.cumulativeY[y.length] > 0) {
            segmentation.split(0, y.length);
        }
        return segmentation.found;
    }

    private void split(int from, int to) {
        double best = 0;
        int at = -1;
        for (int k = from + 1; k < to; k++) {
            double ratio = deviance(from, k, to);
            if (ratio > best) {
                best = ratio;
                at = k;
            }
        }
        double statistic = best / dispersion;
        if (at < 0 || statistic < threshold || points == MAX_POINTS) {
            return;
        }
        found[at] = statistic;
        points++;
        split(from, at);
        split(at, to);
    }

    /** The Poisson deviance of two levels, split at {@code k}, against one level over [from, to). */
    private double deviance(int from, int k, int to) {
        double eLeft = cumulativeE[k] - cumulativeE[from];
        double eRight = cumulativeE[to] - cumulativeE[k];
        if (eLeft <= 0 || eRight <= 0) {
            return 0;
        }
        long yLeft = cumulativeY[k] - cumulativeY[from];
        long yRight = cumulativeY[to] - cumulativeY[k];
        double level = (yLeft + yRight) / (eLeft + eRight);
        return 2 * (term(yLeft, eLeft * level) + term(yRight, eRight * level));
    }

    private static double term(long observed, double expected) {
        return observed == 0 ? 0 : observed * Math.log(observed / expected);
    }

    /**
     * Pearson dispersion from consecutive differences: {@code (y[t+1]/e[t+1] - y[t]/e[t])} over its Poisson standard
     * deviation at the overall level, robustly scaled (1.4826 MAD); never below 1.
     */
    private static double dispersion(long[] y, double[] e, double level) {
        double[] z = new double[y.length];
        int n = 0;
        int previous = -1;
        for (int t = 0; t < y.length; t++) {
            if (e[t] > 0) {
                if (previous >= 0 && level > 0) {
                    z[n++] = (y[t] / e[t] - y[previous] / e[previous])
                            / Math.sqrt(level * (1 / e[t] + 1 / e[previous]));
                }
                previous = t;
            }
        }
        if (n < 3) {
            return 1;
        }
        double[] sorted = Arrays.copyOf(z, n);
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        for (int i = 0; i < n; i++) {
            sorted[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(sorted);
        double mad = 1.4826 * sorted[n / 2];
        return Math.max(1, mad * mad);
    }
}
