package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The biggest growers of a quarter, weeks with samples as replicates. When the source had the previous quarter's
 * weeks, the engine's primary test ({@link CountSignificance}: over-dispersed binomial counts, empirical-Bayes shrunk
 * dispersion) compares them with this quarter's; otherwise the quarter's own weeks are tested for a trend
 * ({@link TrendSignificance}), which keeps the power of a steady rise that a split into halves would lose. Benjamini-Hochberg
 * q across functions either way. A function is tested by trend only when its pooled share is at least half the
 * smallest listed change (a rise by that much averages at least half of it): a filter blind to the direction. Functions are ranked by the change of their self share, so the callers of a grown
 * function (whose total shares grew as much) do not bury it; the total share change is reported beside it. Only the
 * functions seen this quarter are tested (one seen only in the previous quarter cannot have grown).
 */
public final class GrowthSignificance {
    /** The fewest weeks with samples in each quarter for the quarter-over-quarter test. */
    public static final int MIN_WEEKS_PER_SIDE = 2;

    private GrowthSignificance() {
    }

    /**
     * The functions whose self share grew with q at most {@code fdr} by at least {@code smallestChange}, largest
     * change first: against {@code previous} when both quarters have {@link #MIN_WEEKS_PER_SIDE} weeks with samples,
     * else by trend when this quarter has {@link TrendSignificance#MIN_WEEKS}, else none.
     */
    public static Growers growers(WeeklyTrends previous, WeeklyTrends current, double fdr, double smallestChange) {
        int[] before = previous.weeksWithSamples();
        int[] now = current.weeksWithSamples();
        if (before.length >= MIN_WEEKS_PER_SIDE && now.length >= MIN_WEEKS_PER_SIDE) {
            return new Growers(GrowthMethod.PREVIOUS_QUARTER,
                    betweenQuarters(previous, before, current, now, fdr, smallestChange));
        }
        if (now.length >= TrendSignificance.MIN_WEEKS) {
            return new Growers(GrowthMethod.TREND, trend(current, now, fdr, smallestChange));
        }
        return new Growers(GrowthMethod.NONE, List.of());
    }

    private static List<Growth> betweenQuarters(WeeklyTrends previous, int[] before, WeeklyTrends current, int[] now,
                                                double fdr, double smallestChange) {
        long[] weeks = concat(previous.weekTotals(before), current.weekTotals(now));
        long[] self = table(previous, before, current, now, true);
        long[] total = table(previous, before, current, now, false);
        int features = current.functionCount();
        int replicates = weeks.length;
        CountSignificance test = CountSignificance.withPrior(before.length, now.length,
                CountSignificance.fitPrior(self, features, weeks, before.length, now.length), 0);
        Totals totals = UnchangedCode.choose(self, features, weeks, before.length, test, fdr, null).totals();
        FeatureSignificance tests = FeatureSignificance.run(self, totals, new boolean[features], test, smallestChange);
        List<Growth> growers = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            CountSignificance.Result result = tests.result(f);
            if (result != null && result.change() >= smallestChange && tests.qValue(f) <= fdr) {
                growers.add(new Growth(current.function(f), result.base(), result.base() + result.change(),
                        result.change(), result.effect().ci(), result.pValue(), tests.qValue(f),
                        test.change(total, f * replicates, totals)));
            }
        }
        return ranked(growers);
    }

    private static List<Growth> trend(WeeklyTrends current, int[] now, double fdr, double smallestChange) {
        long[] totals = current.weekTotals(now);
        long[] self = table(current, new int[0], current, now, true);
        int features = current.functionCount();
        int replicates = now.length;
        long samples = CountSignificance.sum(totals, 0, 0, replicates);
        TrendEstimate[] results = new TrendEstimate[features];
        double[] pValues = new double[features];
        for (int f = 0; f < features; f++) {
            long count = CountSignificance.sum(self, f * replicates, 0, replicates);
            pValues[f] = Double.NaN;
            if (count > 0 && 2.0 * count / samples >= smallestChange) {
                results[f] = TrendSignificance.test(now, self, f * replicates, totals);
                pValues[f] = results[f].pValue();
            }
        }
        double[] qValues = BenjaminiHochberg.qValues(pValues);
        List<Growth> growers = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            TrendEstimate result = results[f];
            if (result != null && result.delta() >= smallestChange && qValues[f] <= fdr) {
                long[] total = row(current, new int[0], current, now, false, f);
                growers.add(new Growth(current.function(f), result.first(), result.last(), result.delta(),
                        result.ci(), result.pValue(), qValues[f], TrendSignificance.test(now, total, 0, totals).delta()));
            }
        }
        return ranked(growers);
    }

    private static List<Growth> ranked(List<Growth> growers) {
        growers.sort(Comparator.comparingDouble(Growth::delta).reversed().thenComparing(Growth::function));
        return growers;
    }

    /** The counts of every function of {@code current} as the engine's table {@code [function * R + r]}. */
    private static long[] table(WeeklyTrends previous, int[] before, WeeklyTrends current, int[] now,
                                boolean selfMetric) {
        int replicates = before.length + now.length;
        long[] table = new long[current.functionCount() * replicates];
        for (int f = 0; f < current.functionCount(); f++) {
            long[] row = row(previous, before, current, now, selfMetric, f);
            System.arraycopy(row, 0, table, f * replicates, replicates);
        }
        return table;
    }

    /** Function {@code f}'s counts in the {@code before} weeks of {@code previous}, then the {@code now} weeks. */
    private static long[] row(WeeklyTrends previous, int[] before, WeeklyTrends current, int[] now,
                              boolean selfMetric, int f) {
        long[] row = new long[before.length + now.length];
        int earlier = before.length == 0 ? -1 : previous.find(current.function(f));
        for (int r = 0; r < before.length && earlier >= 0; r++) {
            row[r] = previous.count(earlier, before[r], selfMetric);
        }
        for (int r = 0; r < now.length; r++) {
            row[before.length + r] = current.count(f, now[r], selfMetric);
        }
        return row;
    }

    private static long[] concat(long[] first, long[] second) {
        long[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
