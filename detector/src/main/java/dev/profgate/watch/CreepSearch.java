package dev.profgate.watch;

import dev.profgate.analysis.BenjaminiHochberg;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.TrendEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Slow creeps with no single step: the seasonal trend test ({@link StepCounts#trend}: Mann-Kendall comparing each
 * step only with the same step of other days, Sen's slope) of every function's self share that could reach the warn
 * floor (its pooled share at least half of it, blind to the direction), Benjamini-Hochberg over the service's tested
 * functions; listed when q is at most the FDR and Sen's line moves by at least the warn floor over the range, unless
 * the function has a change point or a transient. The test runs on the longest stretch between the service's change
 * points (a step is no creep, and the functions it moves, such as the collector under a regression's garbage, would
 * all look like one), when that stretch holds at least {@link #MIN_PERIODS} days (or steps of a window).
 */
final class CreepSearch {
    /** The fewest days (periods) a stretch between change points must hold for its creeps to be tested. */
    static final int MIN_PERIODS = 2;

    private CreepSearch() {
    }

    /** The creeps of {@code service}, whose confirmed change points are at {@code changeSteps}. */
    static List<Creep> of(ServiceWatch service, Policy policy, Set<String> changed, List<Integer> changeSteps) {
        StepCounts counts = service.counts;
        int[] stretch = longestStretch(changeSteps, counts.present.length);
        if (stretch[1] - stretch[0] < MIN_PERIODS * service.width) {
            return List.of();
        }
        double floor = policy.warn().absolute();
        List<Integer> tested = new ArrayList<>();
        List<TrendEstimate> trends = new ArrayList<>();
        for (int f = 0; f < counts.functions(); f++) {
            if (tested(counts, policy, f)) {
                tested.add(f);
                trends.add(counts.trend(f, true, service.period, stretch[0], stretch[1]));
            }
        }
        double[] q = BenjaminiHochberg.qValues(trends.stream().mapToDouble(TrendEstimate::pValue).toArray());
        List<Creep> creeps = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            String function = counts.counts.function(tested.get(i));
            TrendEstimate trend = trends.get(i);
            if (q[i] <= policy.fdr() && Math.abs(trend.delta()) >= floor && !changed.contains(function)) {
                Series series = new Series(function, "self", counts.shares(tested.get(i), true), -1, null, null);
                creeps.add(new Creep(service.service, function, trend, q[i], series));
            }
        }
        creeps.sort(Comparator.comparingDouble(c -> -Math.abs(c.trend().delta())));
        return creeps;
    }

    /** Whether function {@code f} is tested: its pooled self share is at least half the warn floor. */
    static boolean tested(StepCounts counts, Policy policy, int f) {
        return counts.samples(f, true) >= policy.warn().absolute() / 2 * counts.counts.samples();
    }

    /** The longest stretch {@code [from, to)} of the steps that no change point cuts. */
    private static int[] longestStretch(List<Integer> changeSteps, int steps) {
        int[] best = {0, 0};
        int from = 0;
        for (int cut : changeSteps.stream().sorted().distinct().toList()) {
            best = cut - from > best[1] - best[0] ? new int[] {from, cut} : best;
            from = cut;
        }
        return steps - from > best[1] - best[0] ? new int[] {from, steps} : best;
    }
}
