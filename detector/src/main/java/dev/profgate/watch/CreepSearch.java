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
 * the function has a change point or a transient.
 */
final class CreepSearch {
    private CreepSearch() {
    }

    static List<Creep> of(ServiceWatch service, Policy policy, Set<String> changed) {
        StepCounts counts = service.counts;
        long samples = 0;
        for (int s = 0; s < counts.present.length; s++) {
            samples += counts.counts.weekTotal(s);
        }
        double floor = policy.warn().absolute();
        List<Integer> tested = new ArrayList<>();
        List<TrendEstimate> trends = new ArrayList<>();
        for (int f = 0; f < counts.functions(); f++) {
            if (counts.samples(f, true) >= floor / 2 * samples) {
                tested.add(f);
                trends.add(counts.trend(f, true, service.period));
            }
        }
        double[] q = BenjaminiHochberg.qValues(trends.stream().mapToDouble(TrendEstimate::pValue).toArray());
        List<Creep> creeps = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            String function = counts.counts.function(tested.get(i));
            TrendEstimate trend = trends.get(i);
            if (q[i] <= policy.fdr() && Math.abs(trend.delta()) >= floor && !changed.contains(function)) {
                Series series = new Series(function, "self", counts.shares(tested.get(i), true), -1, null, null);
                creeps.add(new Creep(service.steps.service(), function, trend, q[i], series));
            }
        }
        creeps.sort(Comparator.comparingDouble(c -> -Math.abs(c.trend().delta())));
        return creeps;
    }
}
