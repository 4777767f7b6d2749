package dev.profgate.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The within-quarter trend test of one function: Mann-Kendall's rank test on its weekly self shares (each week with
 * samples one replicate, weighted equally, so a week with many samples cannot outvote the rest and week-to-week noise
 * of any kind is allowed for), the variance of {@code S} corrected for ties, normal approximation with continuity
 * correction; the trend's size is Sen's slope (the median slope over pairs of weeks) with its distribution-free 95%
 * interval, as a change of share from the first week to the last.
 */
final class TrendSignificance {
    /** The fewest weeks with samples a trend needs. */
    static final int MIN_WEEKS = 4;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z = NORMAL.inverseCumulativeProbability(0.975);

    private TrendSignificance() {
    }

    /** Tests the shares {@code counts[offset + r] / totals[r]} of weeks {@code weeks[r]} (ascending). */
    static TrendEstimate test(int[] weeks, long[] counts, int offset, long[] totals) {
        double[] shares = new double[weeks.length];
        for (int r = 0; r < weeks.length; r++) {
            shares[r] = (double) counts[offset + r] / totals[r];
        }
        return seasonal(weeks, shares, 1);
    }

    /**
     * The seasonal form (Hirsch, Slack and Smith 1982): points {@code times[r]} (ascending) are compared only with
     * points of the same season ({@code time % period}, e.g. the hour of day), {@code S} and its variance summed over
     * the seasons, Sen's slope the median of the slopes within seasons; so a daily cycle is no trend. Period 1 is
     * the plain test.
     */
    static TrendEstimate seasonal(int[] times, double[] shares, int period) {
        int n = times.length;
        double[] slopes = new double[n * (n - 1) / 2];
        long s = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if ((times[j] - times[i]) % period == 0) {
                    s += Double.compare(shares[j], shares[i]);
                    slopes[k++] = (shares[j] - shares[i]) / (times[j] - times[i]);
                }
            }
        }
        slopes = Arrays.copyOf(slopes, k);
        double sd = Math.sqrt(seasonalVarianceOfS(times, shares, period));
        double z = sd == 0 ? 0 : (s - Math.signum(s)) / sd;
        double pValue = Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
        Arrays.sort(slopes);
        double slope = k == 0 ? 0 : median(slopes, 0, k);
        double[] offsets = new double[n];
        for (int r = 0; r < n; r++) {
            offsets[r] = shares[r] - slope * times[r];
        }
        Arrays.sort(offsets);
        double intercept = median(offsets, 0, n);
        int span = times[n - 1] - times[0];
        double first = Math.max(0, intercept + slope * times[0]);
        double last = Math.max(0, intercept + slope * times[n - 1]);
        return new TrendEstimate(first, last, last - first, slopeInterval(slopes, sd, span), pValue);
    }

    /** The variance of {@code S} summed over the seasons. */
    private static double seasonalVarianceOfS(int[] times, double[] shares, int period) {
        double variance = 0;
        for (int season = 0; season < Math.min(period, times.length); season++) {
            double[] values = new double[times.length];
            int count = 0;
            for (int r = 0; r < times.length; r++) {
                if (Math.floorMod(times[r] - times[0], period) == season) {
                    values[count++] = shares[r];
                }
            }
            variance += varianceOfS(Arrays.copyOf(values, count));
        }
        return variance;
    }

    /** {@code n(n-1)(2n+5)/18} less the ties' share. */
    private static double varianceOfS(double[] shares) {
        int n = shares.length;
        double[] sorted = shares.clone();
        Arrays.sort(sorted);
        double variance = n * (n - 1.0) * (2 * n + 5);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            int t = j - i;
            variance -= t * (t - 1.0) * (2 * t + 5);
            i = j;
        }
        return variance / 18;
    }

    /** The order statistics of the sorted pair slopes that bound Sen's slope at 95% (Gilbert 1987), times the span. */
    private static Interval slopeInterval(double[] sorted, double sd, int span) {
        int pairs = sorted.length;
        double c = Z * sd;
        int lower = (int) Math.floor((pairs - c) / 2);
        int upper = (int) Math.ceil((pairs + c) / 2);
        double low = lower >= 1 ? sorted[lower - 1] : Double.NEGATIVE_INFINITY;
        double high = upper < pairs ? sorted[upper] : Double.POSITIVE_INFINITY;
        return new Interval(low * span, high * span);
    }

    private static double median(double[] sorted, int from, int to) {
        int n = to - from;
        int mid = from + n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
