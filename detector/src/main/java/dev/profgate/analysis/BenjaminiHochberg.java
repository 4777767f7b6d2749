package dev.profgate.analysis;

import java.util.Arrays;

/** Benjamini-Hochberg adjusted p-values (q-values): {@code q(i) = min over j >= i of p(j) * m / j}, capped at 1. */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * Returns the q-value of every p-value, in input order. NaN entries are untested: they stay NaN and do not
     * count in {@code m}. Equal p-values get equal q-values.
     */
    public static double[] qValues(double[] pValues) {
        double[] sorted = Arrays.stream(pValues).filter(p -> !Double.isNaN(p)).sorted().toArray();
        int m = sorted.length;
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, sorted[i] * m / (i + 1));
            adjusted[i] = running;
        }
        double[] q = new double[pValues.length];
        for (int i = 0; i < pValues.length; i++) {
            q[i] = Double.isNaN(pValues[i]) ? Double.NaN : adjusted[lastIndexOf(sorted, pValues[i])];
        }
        return q;
    }

    private static int lastIndexOf(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (sorted[mid] <= value) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
