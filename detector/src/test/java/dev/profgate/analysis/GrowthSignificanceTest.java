package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.model.StackSamples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quarter's growers on synthetic weekly profiles drawn with week-to-week noise: a function whose share rises
 * steadily among 30 flat ones, while the samples per week grow twelvefold (so a flat function's count grows too).
 * Without a previous quarter the trend test finds the grower with margin and no flat function; with one, the
 * quarter-over-quarter count test runs; with too few weeks, nothing is tested.
 */
class GrowthSignificanceTest {
    private static final int WEEKS = 13;
    private static final int FLAT = 30;
    private static final double FDR = 0.05;
    private static final double SMALLEST = 0.005;
    private static final double NOISE = 0.05;

    @Test
    void trendWithinTheQuarterFindsTheGrowerAndNoFlatFunction() {
        Random random = new Random(8);
        WeeklyTrends current = quarter(0.02, 0.05, WEEKS, random);
        Growers growers = GrowthSignificance.growers(new WeeklyTrends(WEEKS), current, FDR, SMALLEST);
        assertEquals(GrowthMethod.TREND, growers.method());
        assertEquals(1, growers.list().size(), growers.list().toString());
        Growth grower = growers.list().get(0);
        assertEquals("grow", grower.function());
        assertTrue(grower.qValue() < FDR / 10, "found with margin: " + grower);
        assertEquals(0.02, grower.early(), 0.006, grower.toString());
        assertEquals(0.05, grower.late(), 0.006, grower.toString());
        assertTrue(grower.ci().low() > 0 && grower.ci().high() > grower.delta(), grower.toString());
    }

    @Test
    void aFlatQuarterHasNoGrowers() {
        WeeklyTrends current = quarter(0.03, 0.03, WEEKS, new Random(11));
        Growers growers = GrowthSignificance.growers(new WeeklyTrends(WEEKS), current, FDR, SMALLEST);
        assertEquals(GrowthMethod.TREND, growers.method());
        assertEquals(List.of(), growers.list());
    }

    @Test
    void previousQuarterWeeksAreComparedWithThisQuarters() {
        Random random = new Random(5);
        WeeklyTrends previous = quarter(0.02, 0.02, WEEKS, random);
        WeeklyTrends current = quarter(0.04, 0.04, WEEKS, random);
        Growers growers = GrowthSignificance.growers(previous, current, FDR, SMALLEST);
        assertEquals(GrowthMethod.PREVIOUS_QUARTER, growers.method());
        assertEquals(1, growers.list().size(), growers.list().toString());
        Growth grower = growers.list().get(0);
        assertEquals("grow", grower.function());
        assertTrue(grower.qValue() < FDR / 100, grower.toString());
        assertEquals(pooledShare(previous, "grow"), grower.early(), 1e-12);
        assertEquals(pooledShare(current, "grow"), grower.late(), 0.002, "relative to the unchanged code");
        assertEquals(grower.late() - grower.early(), grower.delta(), 1e-12);
    }

    @Test
    void tooFewWeeksAreNotTested() {
        WeeklyTrends current = quarter(0.02, 0.08, TrendSignificance.MIN_WEEKS - 1, new Random(3));
        Growers growers = GrowthSignificance.growers(new WeeklyTrends(WEEKS), current, FDR, SMALLEST);
        assertEquals(GrowthMethod.NONE, growers.method());
        assertEquals(List.of(), growers.list());
    }

    /**
     * {@code weeks} weekly profiles (of {@link #WEEKS}) with 4,000 x (week + 1) samples: {@code grow} at a share rising
     * linearly from {@code first} to {@code last}, the rest spread over {@link #FLAT} functions of fixed relative
     * weight, each week's weights multiplied by gamma noise.
     */
    private static WeeklyTrends quarter(double first, double last, int weeks, Random random) {
        WeeklyTrends trends = new WeeklyTrends(WEEKS);
        for (int w = 0; w < weeks; w++) {
            double share = first + (last - first) * w / (WEEKS - 1);
            Map<String, Double> weights = new LinkedHashMap<>();
            weights.put("main;grow", share);
            for (int f = 0; f < FLAT; f++) {
                weights.put("main;flat" + f, (1 - share) * (f + 1) / (FLAT * (FLAT + 1) / 2.0));
            }
            trends.add(w, StackSamples.of(TestProfiles.replicates("week" + w, weights, 1, 4000 * (w + 1), NOISE, random)
                    .get(0), "0"));
        }
        return trends;
    }

    private static double pooledShare(WeeklyTrends trends, String function) {
        int f = trends.find(function);
        return (double) trends.quarter(f, true) / trends.samples();
    }
}
