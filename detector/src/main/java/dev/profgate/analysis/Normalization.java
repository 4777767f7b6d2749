package dev.profgate.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The head side's scale relative to base on the code that did not change, by edgeR's TMM (Robinson and Oshlack
 * 2010): over the functions with self samples on both sides, the log ratios {@code M = log(head share / base share)}
 * and the mean log shares {@code A}; the {@link #LOG_RATIO_TRIM} most extreme {@code M} at either end and the
 * {@link #SUM_TRIM} most extreme {@code A} are trimmed (counts rounded, where edgeR floors them, so that a profile of
 * two or three functions already loses one at either end), and the rest averaged with inverse-variance weights. Self
 * counts partition each side's samples, as genes do reads. The variance of the log scale is the larger of the
 * binomial one and the spread of the averaged log ratios (a weighted sandwich estimate).
 */
final class Normalization {
    /** The fraction of functions trimmed at either end of the log ratios (edgeR's {@code logratioTrim}). */
    static final double LOG_RATIO_TRIM = 0.3;
    /** The fraction trimmed at either end of the mean log shares (edgeR's {@code sumTrim}). */
    static final double SUM_TRIM = 0.05;

    private Normalization() {
    }

    /** The scale, the variance of its logarithm, and the number of functions averaged. */
    record Estimate(double scale, double logVariance, int functions) {
    }

    /** TMM on the self counts {@code self[f * R + r]} of {@code functions} functions; scale 1 when none is shared. */
    static Estimate tmm(long[] self, int functions, long[] replicateTotals, int baseReplicates) {
        return tmm(self, functions, replicateTotals, baseReplicates, new boolean[functions]);
    }

    /** TMM over the functions not {@code excluded}. */
    static Estimate tmm(long[] self, int functions, long[] replicateTotals, int baseReplicates, boolean[] excluded) {
        int replicates = replicateTotals.length;
        double baseTotal = CountSignificance.sum(replicateTotals, 0, 0, baseReplicates);
        double headTotal = CountSignificance.sum(replicateTotals, 0, baseReplicates, replicates);
        double[] m = new double[functions];
        double[] a = new double[functions];
        double[] w = new double[functions];
        int shared = 0;
        for (int f = 0; f < functions; f++) {
            long base = CountSignificance.sum(self, f * replicates, 0, baseReplicates);
            long head = CountSignificance.sum(self, f * replicates, baseReplicates, replicates);
            if (base > 0 && head > 0 && !excluded[f]) {
                m[shared] = Math.log((head / headTotal) / (base / baseTotal));
                a[shared] = 0.5 * Math.log((head / headTotal) * (base / baseTotal));
                w[shared++] = 1 / ((headTotal - head) / (headTotal * head) + (baseTotal - base) / (baseTotal * base));
            }
        }
        return shared == 0 ? new Estimate(1, 0, 0) : trimmedMean(Arrays.copyOf(m, shared), a, w);
    }

    private static Estimate trimmedMean(double[] m, double[] a, double[] w) {
        int n = m.length;
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        trim(m, keep, (int) Math.round(n * LOG_RATIO_TRIM));
        trim(a, keep, (int) Math.round(n * SUM_TRIM));
        double weights = 0;
        double sum = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                weights += w[i];
                sum += w[i] * m[i];
                kept++;
            }
        }
        if (kept == 0) {
            return new Estimate(1, 0, 0);
        }
        double mean = sum / weights;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                spread += w[i] * w[i] * (m[i] - mean) * (m[i] - mean);
            }
        }
        double sandwich = kept > 1 ? spread / (weights * weights) * kept / (kept - 1) : 0;
        return new Estimate(Math.exp(mean), Math.max(1 / weights, sandwich), kept);
    }

    /** Clears {@code keep} for the {@code count} lowest and the {@code count} highest of {@code values}. */
    private static void trim(double[] values, boolean[] keep, int count) {
        Integer[] order = IntStream.range(0, keep.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        for (int i = 0; i < count; i++) {
            keep[order[i]] = false;
            keep[order[order.length - 1 - i]] = false;
        }
    }
}
