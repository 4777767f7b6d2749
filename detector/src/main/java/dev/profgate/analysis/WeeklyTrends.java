package dev.profgate.analysis;

import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.StackSamples;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * One service's quarter aggregated week by week (or any series of periods: watch's steps), one profile at a time:
 * per function (an interned name) its self and total sample counts in each week, in primitive arrays indexed
 * {@code function * weeks + week}, and each week's sample total. A profile is reduced to these counts when it is added and can be dropped right after.
 */
public final class WeeklyTrends {
    private final int weeks;
    private final Dictionary functions;
    private final long[] weekTotals;
    private long[] self;
    private long[] total;
    private int functionCount;

    public WeeklyTrends(int weeks) {
        this(weeks, new Dictionary());
    }

    /** Counts interning function names into {@code functions}, which others may share (and add names to). */
    public WeeklyTrends(int weeks, Dictionary functions) {
        this.functions = functions;
        this.weeks = weeks;
        this.weekTotals = new long[weeks];
        this.self = new long[64 * weeks];
        this.total = new long[64 * weeks];
    }

    /** Adds the sample counts of {@code samples} to week {@code week}. */
    public void add(int week, StackSamples samples) {
        add(week, samples, samples.frames().functionIds(functions));
    }

    /** Adds {@code samples} whose frames' function ids in this dictionary are {@code functionOfFrame}. */
    public void add(int week, StackSamples samples, int[] functionOfFrame) {
        FunctionTotals totals = FunctionTotals.of(samples, PreemptionFrames.folded(samples.frames(), functionOfFrame),
                functions.size());
        if (functions.size() * weeks > self.length) {
            int size = Math.max(functions.size(), self.length / weeks * 2) * weeks;
            self = Arrays.copyOf(self, size);
            total = Arrays.copyOf(total, size);
        }
        for (int f = 0; f < totals.size(); f++) {
            self[f * weeks + week] += totals.self(f);
            total[f * weeks + week] += totals.total(f);
        }
        weekTotals[week] += totals.grandTotal();
        functionCount = functions.size();
    }

    public int weeks() {
        return weeks;
    }

    /** The functions counted so far (ids from 0). */
    public int functionCount() {
        return functionCount;
    }

    public String function(int f) {
        return functions.name(f);
    }

    public long self(int f, int week) {
        return self[f * weeks + week];
    }

    public long total(int f, int week) {
        return total[f * weeks + week];
    }

    public long weekTotal(int week) {
        return weekTotals[week];
    }

    /** The samples of the whole quarter. */
    public long samples() {
        return Arrays.stream(weekTotals).sum();
    }

    /** The function's self ({@code selfMetric}) or total samples of the whole quarter. */
    public long quarter(int f, boolean selfMetric) {
        long sum = 0;
        for (int w = 0; w < weeks; w++) {
            sum += count(f, w, selfMetric);
        }
        return sum;
    }

    /**
     * Each week's scale against all weeks pooled, by TMM on the self counts ({@link Normalization}): the share the code
     * that did not change holds in that week over the share it holds in the pool, so that a function's share of a
     * week divided by its scale is its cost relative to that code, whatever else grew or shrank that week. NaN for a
     * week without samples.
     */
    public double[] scales() {
        long[] pooled = new long[functionCount];
        for (int f = 0; f < functionCount; f++) {
            pooled[f] = quarter(f, true);
        }
        double[] scales = new double[weeks];
        long[] table = new long[functionCount * 2];
        for (int w = 0; w < weeks; w++) {
            for (int f = 0; f < functionCount; f++) {
                table[2 * f] = pooled[f];
                table[2 * f + 1] = self(f, w);
            }
            scales[w] = weekTotals[w] == 0 ? Double.NaN
                    : Normalization.tmm(table, functionCount, new long[] {samples(), weekTotals[w]}, 1).scale();
        }
        return scales;
    }

    /**
     * The seasonal trend test ({@link TrendSignificance#seasonal}) of the function's self ({@code selfMetric}) or total
     * share over the weeks with samples, each share divided by its week's {@code scales}; {@code period} weeks make
     * one season's cycle (1: none).
     */
    public TrendEstimate trend(int f, boolean selfMetric, double[] scales, int period) {
        return trend(f, selfMetric, scales, period, 0, weeks);
    }

    /** {@link #trend(int, boolean, double[], int)} over the weeks from {@code from} (inclusive) to {@code to}. */
    public TrendEstimate trend(int f, boolean selfMetric, double[] scales, int period, int from, int to) {
        int[] times = Arrays.stream(weeksWithSamples()).filter(w -> w >= from && w < to).toArray();
        double[] shares = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            shares[i] = count(f, times[i], selfMetric) / (weekTotals[times[i]] * scales[times[i]]);
        }
        return TrendSignificance.seasonal(times, shares, period);
    }

    /** The weeks that have samples, in order. */
    int[] weeksWithSamples() {
        return IntStream.range(0, weeks).filter(w -> weekTotals[w] > 0).toArray();
    }

    /** The function's self ({@code selfMetric}) or total samples in week {@code week}. */
    long count(int f, int week, boolean selfMetric) {
        return selfMetric ? self(f, week) : total(f, week);
    }

    /**
     * A copy with only the functions {@code keep} accepts (ids renumbered, names as they were) and every week's total
     * as it is, so shares and scales stay those of the whole profile.
     */
    public WeeklyTrends only(IntPredicate keep) {
        WeeklyTrends kept = new WeeklyTrends(weeks);
        System.arraycopy(weekTotals, 0, kept.weekTotals, 0, weeks);
        int[] chosen = IntStream.range(0, functionCount).filter(keep).toArray();
        kept.self = new long[Math.max(1, chosen.length) * weeks];
        kept.total = new long[kept.self.length];
        for (int i = 0; i < chosen.length; i++) {
            kept.functions.intern(functions.name(chosen[i]));
            System.arraycopy(self, chosen[i] * weeks, kept.self, i * weeks, weeks);
            System.arraycopy(total, chosen[i] * weeks, kept.total, i * weeks, weeks);
        }
        kept.functionCount = chosen.length;
        return kept;
    }

    /** The id of the function named {@code name}, or -1 when it has no samples here. */
    public int find(String name) {
        int id = functions.find(name);
        return id < functionCount ? id : -1;
    }

    /** The sample totals of {@code chosen} weeks. */
    long[] weekTotals(int[] chosen) {
        return Arrays.stream(chosen).mapToLong(w -> weekTotals[w]).toArray();
    }
}
