package dev.profgate.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws ranks 0..n-1 with probability proportional to their weights, by binary search on the cumulative sums. */
final class ZipfTable {
    private final double[] cumulative;

    private ZipfTable(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** Weights {@code 1 / (rank + 1)^exponent}: a Zipf law over {@code n} ranks. */
    static double[] zipfWeights(int n, double exponent) {
        double[] weights = new double[n];
        for (int rank = 0; rank < n; rank++) {
            weights[rank] = 1 / Math.pow(rank + 1, exponent);
        }
        return weights;
    }

    static ZipfTable zipf(int n, double exponent) {
        return new ZipfTable(zipfWeights(n, exponent));
    }

    static ZipfTable of(double[] weights) {
        return new ZipfTable(weights);
    }

    int draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
    }
}
