package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The biggest growers of a quarter by the engine's primary test ({@link CountTest}: over-dispersed binomial counts,
 * empirical-Bayes shrunk dispersion, Benjamini-Hochberg q), with the weeks that have samples as replicates: the first
 * half of them against the second half (the middle week left out when their number is odd). Functions are ranked by
 * the change of their self share, so the callers of a grown function (whose total shares grew as much) do not bury
 * it; the total share change is reported beside it.
 */
public final class GrowthTest {
    /** The fewest weeks with samples a test needs: two per half. */
    public static final int MIN_WEEKS = 4;

    private GrowthTest() {
    }

    /**
     * The functions whose self share grew with q at most {@code fdr} by at least {@code smallestChange}, largest
     * change first; none when fewer than {@link #MIN_WEEKS} weeks have samples.
     */
    public static List<Growth> growers(WeeklyTrends trends, double fdr, double smallestChange) {
        int[] weeks = trends.weeksWithSamples();
        if (weeks.length < MIN_WEEKS) {
            return List.of();
        }
        int half = weeks.length / 2;
        int[] chosen = new int[2 * half];
        System.arraycopy(weeks, 0, chosen, 0, half);
        System.arraycopy(weeks, weeks.length - half, chosen, half, half);
        long[] totals = Arrays.stream(chosen).mapToLong(trends::weekTotal).toArray();
        long[] self = trends.table(chosen, true);
        long[] total = trends.table(chosen, false);
        int features = trends.functionCount();
        CountTest test = CountTest.withPrior(half, half, CountTest.fitPrior(self, features, totals, half, half));
        FeatureTests tests = FeatureTests.run(self, totals, new boolean[features], test, smallestChange);
        List<Growth> growers = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            CountTest.Result result = tests.result(f);
            if (result != null && result.delta() >= smallestChange && tests.qValue(f) <= fdr) {
                growers.add(new Growth(trends.function(f), result.base(), result.head(), result.delta(), result.ci(),
                        result.pValue(), tests.qValue(f), test.shareChange(total, f * chosen.length, totals)));
            }
        }
        growers.sort(Comparator.comparingDouble(Growth::delta).reversed().thenComparing(Growth::function));
        return growers;
    }
}
