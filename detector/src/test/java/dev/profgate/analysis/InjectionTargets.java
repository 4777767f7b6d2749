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
 * callees to spread over: in the recorded Java pool no function below 10% has three callees that run in every
 * profile), present in every profile.
 */
final class InjectionTargets {
    static final double MIN_SHARE = 0.01;
    static final double MAX_SHARE = 0.05;
    static final double MAX_INTERIOR_SHARE = 0.20;
    /** A spread injection goes to at least this many callees, an equal part each, so none carries most of it. */
    static final int MIN_CALLEES = 3;
    static final int MAX_CALLEES = 4;
    /**
     * A callee to spread over averages at least this many samples per profile under the function: the added samples
     * go to code that runs, not to one that a profile catches once (it would look new).
     */
    static final int MIN_CALLEE_SAMPLES = 5;

    private InjectionTargets() {
    }

    /**
     * A culprit, its total share pooled over the profiles and, for an injection spread under it, the callees that
     * share the added samples.
     */
    record Target(String function, double share, List<String> callees) {
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
            double share = share(totals, f);
            if (inBand(share, MAX_SHARE) && totals.stream().allMatch(t -> hasSelf(t, function))) {
                targets.add(new Target(names.name(f), share, List.of()));
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
            double share = share(totals, f);
            List<String> callees = inBand(share, MAX_INTERIOR_SHARE) ? commonCallees(calls, names.name(f)) : List.of();
            if (callees.size() >= MIN_CALLEES) {
                List<String> chosen = callees.subList(0, Math.min(MAX_CALLEES, callees.size()));
                targets.add(new Target(names.name(f), share, chosen));
            }
        }
        return sorted(targets);
    }

    private static FunctionTotals totals(Profile profile, Dictionary names) {
        return FunctionTotals.of(profile, profile.counts(profile.header().defaultType()), names);
    }

    private static boolean hasSelf(FunctionTotals totals, int f) {
        return f < totals.size() && totals.self(f) > 0;
    }

    /** Function {@code f}'s total share, pooled over the profiles. */
    private static double share(List<FunctionTotals> totals, int f) {
        long samples = 0;
        long all = 0;
        for (FunctionTotals t : totals) {
            samples += f < t.size() ? t.total(f) : 0;
            all += t.grandTotal();
        }
        return (double) samples / all;
    }

    private static boolean inBand(double share, double max) {
        return share >= MIN_SHARE && share <= max;
    }

    /**
     * The callees of {@code caller} with samples in every profile and {@link #MIN_CALLEE_SAMPLES} per profile on
     * average, the largest (summed over profiles) first.
     */
    private static List<String> commonCallees(List<Map<String, Map<String, Long>>> calls, String caller) {
        Map<String, Long> summed = new HashMap<>();
        for (Map<String, Map<String, Long>> profile : calls) {
            profile.getOrDefault(caller, Map.of()).forEach((callee, n) -> summed.merge(callee, n, Long::sum));
        }
        return summed.keySet().stream()
                .filter(callee -> summed.get(callee) >= MIN_CALLEE_SAMPLES * calls.size())
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
