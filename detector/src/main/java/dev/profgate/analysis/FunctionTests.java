package dev.profgate.analysis;

import java.util.Arrays;

/**
 * One round of the primary test over every function's counts (self or total) with Benjamini-Hochberg q-values.
 * A function is tested unless ignored, or unless it could not reach the smallest listed change even with all its
 * samples on one side (a filter blind to which side the samples are on, so it keeps the FDR control valid).
 */
final class FunctionTests {
    private final CountTest.Result[] results;
    private final double[] qValues;
    private final int tested;

    private FunctionTests(CountTest.Result[] results, double[] qValues, int tested) {
        this.results = results;
        this.qValues = qValues;
        this.tested = tested;
    }

    /** Tests each function of {@code table} ({@code [function * R + r]}) not in {@code ignored}. */
    static FunctionTests run(long[] table, long[] totals, boolean[] ignored, CountTest test, double smallestChange) {
        int replicates = totals.length;
        int base = replicates - test.headReplicates();
        long smallerSide = Math.min(CountTest.sum(totals, 0, 0, base), CountTest.sum(totals, 0, base, replicates));
        int functions = ignored.length;
        CountTest.Result[] results = new CountTest.Result[functions];
        double[] pValues = new double[functions];
        Arrays.fill(pValues, Double.NaN);
        int tested = 0;
        for (int f = 0; f < functions; f++) {
            long count = CountTest.sum(table, f * replicates, 0, replicates);
            if (!ignored[f] && count > 0 && (double) count / smallerSide >= smallestChange) {
                results[f] = test.test(table, f * replicates, totals);
                pValues[f] = results[f].pValue();
                tested++;
            }
        }
        return new FunctionTests(results, BenjaminiHochberg.qValues(pValues), tested);
    }

    /** The test of function {@code f}, or null when it was not tested. */
    CountTest.Result result(int f) {
        return results[f];
    }

    double qValue(int f) {
        return qValues[f];
    }

    int tested() {
        return tested;
    }

    int size() {
        return results.length;
    }
}
