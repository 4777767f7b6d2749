package dev.profgate.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The head side's scale relative to base on the code that did not change, by edgeR's TMM (Robinson and Oshlack
 * 2010), trimmed by weight: over the functions with self samples on both sides, the log ratios
 * {@code M = log(head share / base share)}, averaged with inverse-variance weights after trimming
 * {@link #WEIGHT_TRIM} of the weight at either end of {@code M}. edgeR trims 30% of the genes at either end of M, and
 * 5% of the most and least abundant besides; a profile's weight sits in a few functions, and trimming by count kept
 * the many light functions' ratios and dropped the heavy ones that measure the scale best (docs/statistics.md, "The
 * scale's trim"). Self counts partition each side's samples, as genes do reads. The variance of the log scale is the
 * larger of the binomial one and the spread of the averaged log ratios (a weighted sandwich estimate).
 */
final class Normalization {
    /**
     * The fraction of the weight trimmed at either end of the log ratios (edgeR's {@code logratioTrim} trims 0.3 of
     * the genes): measured against the fixed work of the recorded large changes, 0.2 misses it least.
     */
    static final double WEIGHT_TRIM = 0.2;

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
        double[] w = new double[functions];
        int shared = 0;
        for (int f = 0; f < functions; f++) {
            long base = CountSignificance.sum(self, f * replicates, 0, baseReplicates);
            long head = CountSignificance.sum(self, f * replicates, baseReplicates, replicates);
            if (base > 0 && head > 0 && !excluded[f]) {
                m[shared] = Math.log((head / headTotal) / (base / baseTotal));
                w[shared++] = 1 / ((headTotal - head) / (headTotal * head) + (baseTotal - base) / (baseTotal * base));
            }
        }
        return shared == 0 ? new Estimate(1, 0, 0) : trimmedMean(Arrays.copyOf(m, shared), Arrays.copyOf(w, shared));
    }

    /**
     * The mean of {@code m} weighted by {@code w}, over the middle of the weight: in the order of {@code m}, each
     * function keeps the part of its weight that lies above the lowest and below the highest {@link #WEIGHT_TRIM} of
     * the total.
     */
    private static Estimate trimmedMean(double[] m, double[] w) {
        int n = m.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> m[i]));
        double total = Arrays.stream(w).sum();
        double low = total * WEIGHT_TRIM;
        double high = total - low;
        double[] kept = new double[n];
        double below = 0;
        double weights = 0;
        double sum = 0;
        int count = 0;
        for (int i : order) {
            kept[i] = Math.max(0, Math.min(below + w[i], high) - Math.max(below, low));
            below += w[i];
            if (kept[i] > 0) {
                weights += kept[i];
                sum += kept[i] * m[i];
                count++;
            }
        }
        if (count == 0) {
            return new Estimate(1, 0, 0);
        }
        double mean = sum / weights;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            spread += kept[i] * kept[i] * (m[i] - mean) * (m[i] - mean);
        }
        double sandwich = count > 1 ? spread / (weights * weights) * count / (count - 1) : 0;
        return new Estimate(Math.exp(mean), Math.max(1 / weights, sandwich), count);
    }
}
