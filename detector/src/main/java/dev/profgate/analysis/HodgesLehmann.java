package dev.profgate.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Hodges-Lehmann estimate of the shift between two samples (the median of all pairwise differences
 * {@code head[j] - base[i]}) and its distribution-free confidence interval, the inverted Mann-Whitney test: the
 * differences ranked {@code k} from each end, {@code k = floor(mn/2 - z * sqrt(mn(m+n+1)/12))} (normal
 * approximation). When {@code k < 1} (fewer than 4 values a side at 95%) the interval is the full range of the
 * differences and covers less than asked; {@link Shift#fullCoverage} says so.
 */
public final class HodgesLehmann {
    private HodgesLehmann() {
    }

    /** The estimate, the interval and whether the interval reaches its nominal coverage. */
    public record Shift(double estimate, Interval ci, boolean fullCoverage) {
    }

    /** The shift of {@code head} against {@code base} with a {@code confidence} (0.95) interval. */
    public static Shift of(double[] base, double[] head, double confidence) {
        int m = base.length;
        int n = head.length;
        double[] differences = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                differences[i * n + j] = head[j] - base[i];
            }
        }
        Arrays.sort(differences);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double mn = (double) m * n;
        int k = (int) Math.floor(mn / 2 - z * Math.sqrt(mn * (m + n + 1) / 12));
        boolean fullCoverage = k >= 1;
        int cut = Math.max(1, k);
        return new Shift(median(differences), new Interval(differences[cut - 1], differences[m * n - cut]), fullCoverage);
    }

    /** The median of sorted values. */
    public static double median(double[] sorted) {
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
