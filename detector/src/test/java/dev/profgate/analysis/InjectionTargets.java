package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions of a pool of same-version profiles that synthetic regressions go into ({@link Injection}): small
 * ones, of {@link #MIN_SHARE} to {@link #MAX_SHARE} of the samples ({@link #MAX_INTERIOR_SHARE} for a function with
 * callees to spread over, as few small ones have several callees in every profile), present in every profile.
 */
final class InjectionTargets {
    static final double MIN_SHARE = 0.01;
    static final double MAX_SHARE = 0.05;
    static final double MAX_INTERIOR_SHARE = 0.10;
    /** A spread injection goes to at least this many callees, an equal part each, so none carries most of it. */
    static final int MIN_CALLEES = 3;
    static final int MAX_CALLEES = 4;

    private InjectionTargets() {
    }

    /** A culprit and, for an injection spread under it, the callees that share the added samples. */
    record Target(String function, List<String> callees) {
        Target {
            callees = List.copyOf(callees);
        }

        /** A copy of {@code replicate} with {@code fraction} of its samples added (see {@link Injection}). */
        Profile inject(Profile replicate, double fraction) {
            return callees.isEmpty() ? Injection.intoFunction(replicate, function, fraction)
                    : Injection.underCallees(replicate, function, callees, fraction);
        }
    }

    /** Functions with self samples in every profile of {@code pool}, by name. */
    static List<Target> functions(List<Profile> pool) {
        Dictionary names = new Dictionary();
        List<FunctionTotals> totals = pool.stream().map(p -> totals(p, names)).toList();
        List<Target> targets = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            int function = f;
            if (inBand(totals, f, MAX_SHARE) && totals.stream().allMatch(t -> function < t.size() && t.self(function) > 0)) {
                targets.add(new Target(names.name(f), List.of()));
            }
        }
        return sorted(targets);
    }

    /**
     * Functions with at least {@link #MIN_CALLEES} other functions called from them in every profile of
     * {@code pool}, each with its {@link #MAX_CALLEES} largest such callees.
     */
    static List<Target> interiors(List<Profile> pool) {
        Dictionary names = new Dictionary();
        List<FunctionTotals> totals = pool.stream().map(p -> totals(p, names)).toList();
        List<Map<String, Map<String, Long>>> calls = pool.stream().map(InjectionTargets::calls).toList();
        List<Target> targets = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            List<String> callees = inBand(totals, f, MAX_INTERIOR_SHARE) ? commonCallees(calls, names.name(f)) : List.of();
            if (callees.size() >= MIN_CALLEES) {
                targets.add(new Target(names.name(f), callees.subList(0, Math.min(MAX_CALLEES, callees.size()))));
            }
        }
        return sorted(targets);
    }

    private static FunctionTotals totals(Profile profile, Dictionary names) {
        return FunctionTotals.of(profile, profile.counts(profile.header().defaultType()), names);
    }

    /** True when function {@code f}'s total share, pooled over the profiles, is within {@link #MIN_SHARE} and max. */
    private static boolean inBand(List<FunctionTotals> totals, int f, double max) {
        long samples = 0;
        long all = 0;
        for (FunctionTotals t : totals) {
            samples += f < t.size() ? t.total(f) : 0;
            all += t.grandTotal();
        }
        double share = (double) samples / all;
        return share >= MIN_SHARE && share <= max;
    }

    /** The callees of {@code caller} with samples in every profile, the largest (summed over profiles) first. */
    private static List<String> commonCallees(List<Map<String, Map<String, Long>>> calls, String caller) {
        Map<String, Long> summed = new HashMap<>();
        for (Map<String, Map<String, Long>> profile : calls) {
            profile.getOrDefault(caller, Map.of()).forEach((callee, n) -> summed.merge(callee, n, Long::sum));
        }
        return summed.keySet().stream()
                .filter(callee -> calls.stream().allMatch(p -> p.getOrDefault(caller, Map.of()).containsKey(callee)))
                .sorted(java.util.Comparator.comparing((String callee) -> -summed.get(callee))
                        .thenComparing(callee -> callee))
                .toList();
    }

    /** Caller -> callee -> samples under the calls, for calls between different functions. */
    private static Map<String, Map<String, Long>> calls(Profile profile) {
        CallTree tree = profile.tree();
        long[] inclusive = tree.subtreeTotals(profile.counts(profile.header().defaultType()));
        Map<String, Map<String, Long>> calls = new TreeMap<>();
        for (int node = 1; node < tree.size(); node++) {
            int parent = tree.parent(node);
            String callee = profile.frames().function(tree.frame(node));
            String caller = parent == CallTree.ROOT ? null : profile.frames().function(tree.frame(parent));
            if (caller != null && !caller.equals(callee) && inclusive[node] > 0) {
                calls.computeIfAbsent(caller, c -> new TreeMap<>()).merge(callee, inclusive[node], Long::sum);
            }
        }
        return calls;
    }

    private static List<Target> sorted(List<Target> targets) {
        return targets.stream().sorted(java.util.Comparator.comparing(Target::function)).toList();
    }
}
