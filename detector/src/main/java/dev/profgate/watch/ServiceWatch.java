package dev.profgate.watch;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Workers;
import dev.profgate.config.Settings;
import dev.profgate.model.Profile;
import dev.profgate.rules.RuleHit;
import dev.profgate.rules.RuleMatcher;
import dev.profgate.source.weekly.DatedFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One service under watch: its per-function counts step by step, and the engine's comparison
 * ({@link ProfileComparator}, culprit search, shifts, floors) with rule matches at each candidate step, over a day
 * either side and over a burst's few steps. Once compared, only the counts of the functions a finding names or the
 * creep search tests are kept.
 */
final class ServiceWatch {
    /** A window needs this many steps with samples to be compared. */
    static final int MIN_STEPS = 2;
    /**
     * A side's steps are pooled into at most this many replicates of consecutive steps (a day's 24 hours into 6 of 4
     * hours, the same hours on both sides), which bounds a comparison's memory whatever the step. One comparison runs
     * at a time, its replicates read on {@link DatedFiles#READERS} threads.
     */
    static final int MAX_REPLICATES = 6;

    final String service;
    final StepCounts counts;
    final int period;
    final int width;

    private ServiceWatch(String service, StepCounts counts, int period, int width) {
        this.service = service;
        this.counts = counts;
        this.period = period;
        this.width = width;
    }

    /** The comparison at one candidate step: its findings, the functions it tested, its findings' rule hits. */
    record Tested(ServiceWatch service, StepWindows windows, boolean burst, List<Finding> findings,
                  int functionsTested, Map<Finding, List<RuleHit>> hits) {
        int step() {
            return windows.step();
        }
    }

    /** One service analysed: its counts and the comparisons at its candidate steps. */
    record Watched(ServiceWatch service, List<Tested> tested) {
    }

    /**
     * Reads {@code steps} ({@link StepReader}: samples of {@code type}, null: the files' default) and compares the
     * windows around every candidate step ({@link StepWindows#around}), and the burst windows of {@link #MIN_STEPS}
     * steps ({@link StepWindows#burst}, the shortest burst the engine can compare), where both sides have enough
     * steps with samples. A burst's few steps get the engine's allowance for the variation of few runs, as any
     * comparison of so few does: without it, 10 of 20 same-version weeks listed a transient, with it 2.
     */
    static Watched analyse(ServiceSteps steps, String type, Settings settings, RuleMatcher rules, int period,
                           int window, int wentAway) {
        StepReader reader = StepReader.read(steps, type, settings.limits(), settings.redaction());
        StepCounts counts = new StepCounts(reader.trends());
        int width = width(period, window);
        Policy policy = settings.policy();
        List<Compared> compared = windows(counts, period, width).stream()
                .map(w -> compare(reader, steps.service(), w, policy, rules)).toList();
        Set<String> named = new HashSet<>();
        compared.forEach(c -> c.findings().stream().filter(f -> f.severity() != Verdict.PASS)
                .forEach(f -> named.add(f.function())));
        ServiceWatch service = new ServiceWatch(steps.service(), counts.only(f -> named.contains(
                counts.counts.function(f)) || CreepSearch.tested(counts, policy, f)), period, width);
        return new Watched(service, compared.stream().map(c -> new Tested(service, c.windows(),
                c.windows().after().length <= wentAway, c.findings(), c.functionsTested(), c.hits())).toList());
    }

    /** The windows around each candidate step and its burst windows, where both sides have enough steps. */
    private static List<StepWindows> windows(StepCounts counts, int period, int width) {
        List<StepWindows> windows = new ArrayList<>();
        for (int k : Candidates.of(counts)) {
            windows.add(StepWindows.around(k, counts.present, period, width));
            windows.add(StepWindows.burst(k, counts.present, period, MIN_STEPS));
        }
        return windows.stream().filter(w -> w.before().length >= MIN_STEPS && w.after().length >= MIN_STEPS)
                .toList();
    }

    /** The engine's comparison of {@code window}'s steps, read again and pooled, with its rule hits. */
    private static Compared compare(StepReader reader, String service, StepWindows window, Policy policy,
                                    RuleMatcher rules) {
        List<Profile> before = replicates(reader, service, window.before());
        List<Profile> after = replicates(reader, service, window.after());
        Comparison comparison = ProfileComparator.compare(before, after, reader.type(), policy);
        return new Compared(window, comparison.findings(), comparison.functionsTested(),
                rules.match(comparison, before, after));
    }

    /** A comparison's outcome before its service's counts are trimmed. */
    private record Compared(StepWindows windows, List<Finding> findings, int functionsTested,
                            Map<Finding, List<RuleHit>> hits) {
    }

    /** {@code window}'s steps pooled into at most {@link #MAX_REPLICATES} replicates of consecutive steps. */
    private static List<Profile> replicates(StepReader reader, String service, int[] window) {
        int groups = Math.min(window.length, MAX_REPLICATES);
        return Workers.map(IntStream.range(0, groups).boxed().toList(), DatedFiles.READERS, g -> {
            int[] pooled = Arrays.copyOfRange(window, g * window.length / groups, (g + 1) * window.length / groups);
            return reader.profile(service + " steps " + (pooled[0] + 1) + "-" + (pooled[pooled.length - 1] + 1),
                    pooled);
        });
    }

    /** The steps compared either side of a candidate: a day with a daily cycle of {@code period} steps, else {@code window}. */
    static int width(int period, int window) {
        return period > 1 ? period : window;
    }

    /** The window {@code [from, to)} of the function's series as a level. */
    Level level(double[] shares, long[] series, int from, int to) {
        int[] inside = IntStream.range(Math.max(0, from), Math.min(to, shares.length))
                .filter(s -> counts.present[s]).toArray();
        return counts.level(shares, series, inside, from, to);
    }
}
