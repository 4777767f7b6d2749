package dev.profgate.analysis;

import java.util.Arrays;

/**
 * The primary test over a family of features (functions' totals or selfs, or call-tree nodes) with
 * Benjamini-Hochberg q-values. A feature is tested unless excluded (ignored functions), or unless it could not reach
 * the smallest listed change even with all its samples on one side (a filter blind to which side the samples are
 * on, so it keeps the FDR control valid).
 */
final class FeatureSignificance {
    private final int[] slot;
    private final CountSignificance.Result[] results;
    private final double[] qValues;

    private FeatureSignificance(int[] slot, CountSignificance.Result[] results, double[] qValues) {
        this.slot = slot;
        this.results = results;
        this.qValues = qValues;
    }

    /** Tests each feature of {@code table} ({@code [feature * R + r]}) not {@code excluded}. */
    static FeatureSignificance run(long[] table, Totals totals, boolean[] excluded, CountSignificance test, double smallestChange) {
        int replicates = totals.size();
        long smallerSide = Math.min(totals.base(), totals.head());
        int features = excluded.length;
        int[] slot = new int[features];
        CountSignificance.Result[] results = new CountSignificance.Result[Math.min(features, 1024)];
        int tested = 0;
        for (int f = 0; f < features; f++) {
            long count = CountSignificance.sum(table, f * replicates, 0, replicates);
            slot[f] = -1;
            if (!excluded[f] && count > 0 && (double) count / smallerSide >= smallestChange) {
                if (tested == results.length) {
                    results = Arrays.copyOf(results, tested * 2);
                }
                slot[f] = tested;
                results[tested++] = test.test(table, f * replicates, totals);
            }
        }
        double[] pValues = new double[tested];
        for (int i = 0; i < tested; i++) {
            pValues[i] = results[i].pValue();
        }
        return new FeatureSignificance(slot, Arrays.copyOf(results, tested), BenjaminiHochberg.qValues(pValues));
    }

    /** The test of feature {@code f}, or null when it was not tested. */
    CountSignificance.Result result(int f) {
        return slot[f] < 0 ? null : results[slot[f]];
    }

    /** The q-value of feature {@code f}, NaN when it was not tested. */
    double qValue(int f) {
        return slot[f] < 0 ? Double.NaN : qValues[slot[f]];
    }

    int tested() {
        return results.length;
    }

    /** True when feature {@code f} was tested, changed in direction {@code sign}, and the gate lists the change. */
    boolean listed(int f, int sign, Gate gate) {
        CountSignificance.Result result = result(f);
        return result != null && Math.signum(result.change()) == sign && gate.lists(result, qValue(f));
    }

    /** True when feature {@code f} was tested and changed in direction {@code sign} with q at most {@code fdr}. */
    boolean significant(int f, int sign, double fdr) {
        CountSignificance.Result result = result(f);
        return result != null && Math.signum(result.change()) == sign && qValue(f) <= fdr;
    }

    /** The number of features (tested or not). */
    int size() {
        return slot.length;
    }
}
