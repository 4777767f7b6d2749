package dev.profgate.watch;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.base.Workers;
import dev.profgate.model.Profile;
import dev.profgate.rules.RuleHit;
import dev.profgate.rules.RuleMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One service's steps under watch: their counts, and the engine's comparison ({@link ProfileComparator}, the steps
 * of each window as replicates, culprit search, shifts, floors) and rule matches at each candidate step, over a
 * day either side and over a burst's few steps.
 */
final class ServiceWatch {
    /** A window needs this many steps with samples to be compared. */
    static final int MIN_STEPS = 2;
    /** Candidate steps compared at once. */
    static final int THREADS = 2;

    final ServiceSteps steps;
    final StepCounts counts;
    final int period;
    final int width;

    ServiceWatch(ServiceSteps steps, String type, int period, int window) {
        this.steps = steps;
        this.counts = new StepCounts(steps, type);
        this.period = period;
        this.width = period > 1 ? period : window;
    }

    /** The comparison at one candidate step, with the rule hits of its findings. */
    record Tested(ServiceWatch service, StepWindows windows, boolean burst, Comparison comparison,
                  Map<Finding, List<RuleHit>> hits) {
        int step() {
            return windows.step();
        }
    }

    /**
     * Compares the windows around every candidate step ({@link StepWindows#around}), and the burst windows of
     * {@link #MIN_STEPS} steps ({@link StepWindows#burst}, the shortest burst the engine can compare), where both
     * sides have enough steps with samples. A burst's few steps get the engine's allowance for the variation of few
     * runs, as any comparison of so few does: without it, 10 of 20 same-version weeks listed a transient, with it 2.
     */
    List<Tested> test(String type, Policy policy, RuleMatcher rules, int wentAway) {
        List<StepWindows> windows = new ArrayList<>();
        for (int k : Candidates.of(counts)) {
            windows.add(StepWindows.around(k, counts.present, period, width));
            windows.add(StepWindows.burst(k, counts.present, period, MIN_STEPS));
        }
        List<StepWindows> usable = windows.stream()
                .filter(w -> w.before().length >= MIN_STEPS && w.after().length >= MIN_STEPS).toList();
        return Workers.map(usable, THREADS, w -> {
            List<Profile> before = profiles(w.before());
            List<Profile> after = profiles(w.after());
            boolean burst = w.after().length <= wentAway;
            Comparison comparison = ProfileComparator.compare(before, after, type, policy);
            return new Tested(this, w, burst, comparison, rules.match(comparison, before, after));
        });
    }

    /** The window {@code [from, to)} of the function's series as a level. */
    Level level(double[] shares, long[] series, int from, int to) {
        int[] inside = IntStream.range(Math.max(0, from), Math.min(to, shares.length))
                .filter(s -> counts.present[s]).toArray();
        return counts.level(shares, series, inside, from, to);
    }

    private List<Profile> profiles(int[] window) {
        return Arrays.stream(window).mapToObj(s -> steps.steps()[s]).filter(Objects::nonNull).toList();
    }
}
