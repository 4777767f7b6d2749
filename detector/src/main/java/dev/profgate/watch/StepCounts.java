package dev.profgate.watch;

import dev.profgate.analysis.TrendEstimate;
import dev.profgate.analysis.WeeklyTrends;
import java.util.function.IntPredicate;

/**
 * One service's per-function sample counts step by step ({@link WeeklyTrends}, steps for weeks) and each step's
 * effective size: its samples times its TMM scale against all steps pooled, so that a function's count over the
 * effective size is its cost relative to the code that did not change, whatever else grew that step.
 */
final class StepCounts {
    final WeeklyTrends counts;
    final double[] scales;
    final double[] effective;
    final boolean[] present;

    /** The counts of {@code counts}' steps; a step without samples is not present. */
    StepCounts(WeeklyTrends counts) {
        this(counts, counts.scales());
    }

    private StepCounts(WeeklyTrends counts, double[] scales) {
        int count = counts.weeks();
        this.counts = counts;
        this.scales = scales;
        present = new boolean[count];
        effective = new double[count];
        for (int s = 0; s < count; s++) {
            present[s] = counts.weekTotal(s) > 0;
            effective[s] = present[s] ? counts.weekTotal(s) * scales[s] : 0;
        }
    }

    /**
     * These counts of only the functions {@code keep} accepts, with the effective sizes of all (what a finding's
     * series and the creep search need once the comparisons are done, a fraction of a service's functions).
     */
    StepCounts only(IntPredicate keep) {
        return new StepCounts(counts.only(keep), scales);
    }

    /** The function's self ({@code self}) or total counts per step. */
    long[] series(int f, boolean self) {
        long[] series = new long[present.length];
        for (int s = 0; s < series.length; s++) {
            series[s] = self ? counts.self(f, s) : counts.total(f, s);
        }
        return series;
    }

    /** The function's share per step relative to the unchanged code, NaN without samples. */
    double[] shares(int f, boolean self) {
        long[] series = series(f, self);
        double[] shares = new double[series.length];
        for (int s = 0; s < series.length; s++) {
            shares[s] = present[s] ? series[s] / effective[s] : Double.NaN;
        }
        return shares;
    }

    /** The function's level over {@code steps} (those with samples), pooled, and its interval. */
    Level level(double[] shares, long[] series, int[] steps, int from, int to) {
        double y = 0;
        double e = 0;
        double sum = 0;
        double squares = 0;
        for (int s : steps) {
            y += series[s];
            e += effective[s];
            sum += shares[s];
            squares += shares[s] * shares[s];
        }
        int n = steps.length;
        double share = e > 0 ? y / e : Double.NaN;
        double sd = n > 1 ? Math.sqrt(Math.max(0, (squares - sum * sum / n) / (n - 1))) : 0;
        double half = 1.96 * sd / Math.sqrt(Math.max(1, n));
        return new Level(from, to, share, Math.max(0, share - half), share + half);
    }

    /**
     * The seasonal trend of the function's share over the steps {@code [from, to)} (like steps of the day with like
     * when {@code period} > 1).
     */
    TrendEstimate trend(int f, boolean self, int period, int from, int to) {
        return counts.trend(f, self, scales, period, from, to);
    }

    int functions() {
        return counts.functionCount();
    }

    /** All the samples of the function, self or total. */
    long samples(int f, boolean self) {
        return counts.quarter(f, self);
    }
}
