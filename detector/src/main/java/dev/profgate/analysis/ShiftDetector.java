package dev.profgate.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Cost shifts: a culprit that grew and one that shrank, under a common caller whose total demonstrably did not
 * change; or a culprit whose direct callers' total demonstrably did not change (its cost moved from or to the
 * callers' own time, as the JIT's inlining moves samples between a caller and its callee from one JVM to the next).
 * "Did not change" is an equivalence check on changes relative to the unchanged code ({@link Effect}): the caller's
 * 95% interval lies within {@code +-MARGIN * min(|change up|, |change down|) * (1 - share of the caller)}, the move
 * the caller would show (at the least, when shares are tested as measured) if the increase were new cost rather than
 * moved cost. A caller near 100% of the profile can never pass it.
 * <p>A frame that appeared or vanished is a shift by a looser check ({@link #appearedWithoutCost}): an inlining
 * decision (a JIT's, or a compiler's in a new build) makes a frame appear or vanish with samples that were its
 * callers' own, and their equivalence cannot be shown with few runs.
 */
final class ShiftDetector {
    /**
     * The fraction of the expected change of the caller that its interval must exclude: all of it, so that a caller
     * that grew with its callee (new cost) is taken for a shift only when its interval misses its own change.
     */
    static final double MARGIN = 1.0;
    /** How many times a new or gone frame's change its holder must have held (see {@link #appearedWithoutCost}). */
    static final double HOLDER_ROOM = 2;
    /** The largest share of its side a holder may hold (see {@link #appearedWithoutCost}). */
    static final double HOLDER_LIMIT = 0.5;
    /**
     * A culprit's call paths count as new or gone in some runs when that many of its low side's replicates hold none
     * of its samples would happen by sampling (Poisson at the side's mean) with at most this probability.
     */
    static final double ABSENCE_P = 0.01;

    private ShiftDetector() {
    }

    /** Which culprits (by index) are halves of a shift; {@code inclusive}/{@code totals} are the unmasked first round. */
    static boolean[] shifts(List<CulpritSearch.Culprit> culprits, ReplicateTree tree, CountSignificance test,
                            FeatureSignificance functionTests, long[] inclusive, Totals totals) {
        boolean[] shift = new boolean[culprits.size()];
        for (int i = 0; i < culprits.size(); i++) {
            shift[i] = movedFromCaller(culprits.get(i), tree, test, inclusive, totals);
        }
        for (int up = 0; up < culprits.size(); up++) {
            for (int down = 0; down < culprits.size(); down++) {
                CulpritSearch.Culprit gained = culprits.get(up);
                CulpritSearch.Culprit lost = culprits.get(down);
                if (gained.sign() > 0 && lost.sign() < 0
                        && unchangedCaller(gained, lost, tree, test, inclusive, totals, functionTests)) {
                    shift[up] = true;
                    shift[down] = true;
                }
            }
        }
        return shift;
    }

    /**
     * True when the direct callers of the culprit's nodes did not change together: the culprit's cost moved between
     * it and its callers' own time, as when the JIT stops inlining a callee or a runtime frame such as Go's
     * {@code runtime.asyncPreempt} catches the samples of the function it interrupted.
     */
    private static boolean movedFromCaller(CulpritSearch.Culprit culprit, ReplicateTree tree, CountSignificance test,
                                           long[] inclusive, Totals totals) {
        int[] callers = Arrays.stream(culprit.nodes()).map(tree::parent).distinct().toArray();
        if (Arrays.stream(callers).anyMatch(caller -> caller == ReplicateTree.ROOT)) {
            return false;
        }
        double change = Math.abs(test.test(tree.sumRows(culprit.nodes(), inclusive), 0, totals).change());
        return unchanged(test.withinRuns().test(tree.sumRows(callers, inclusive), 0, totals), change);
    }

    /** The equivalence check of {@code result} against a move of {@code change} (see the class comment). */
    static boolean unchanged(CountSignificance.Result result, double change) {
        double share = (result.base() + result.head()) / 2;
        double margin = MARGIN * (1 - share) * change;
        Interval ci = result.effect().ci();
        return ci.low() > -margin && ci.high() < margin;
    }

    /**
     * How the culprit's samples appeared on (or vanished from) its call paths when that may be a compilation rather
     * than a cost, else empty: its call paths hold no samples on its low side (a frame new or gone, even when the
     * function has samples on other paths: {@code BigDecimal.valueOf} reached through a {@code BigDecimal.add} that
     * one JVM inlined and the other did not), or none in more of that side's replicates where its holders ran than
     * sampling explains ({@link #ABSENCE_P}; {@code LocalDate.get0} in 2 of 6 JVMs of one build, 6 of 6 of the other),
     * and its holders did not demonstrably change with it. A holder is, on each of its call paths, the nearest caller
     * that held at least {@link #HOLDER_ROOM} times its change on its low side (an inlining decision moves part of
     * what a compiled method held, not all of it); a frame whose holder would hold more than {@link #HOLDER_LIMIT} of
     * that side has none, so a change of a quarter of the profile is never taken for a move.
     */
    static Optional<String> appearedWithoutCost(CulpritSearch.Culprit culprit, double change, ReplicateTree tree,
                                               CountSignificance test, long[] inclusive, Totals totals) {
        boolean newInHead = change > 0;
        int from = newInHead ? 0 : tree.baseReplicates();
        int to = newInHead ? tree.baseReplicates() : tree.replicates();
        int[] holders = holders(culprit.nodes(), HOLDER_ROOM * Math.abs(change), from, to, tree, inclusive);
        if (holders.length == 0) {
            return Optional.empty();
        }
        long[] held = tree.sumRows(holders, inclusive);
        return appearance(tree.sumRows(culprit.nodes(), inclusive), held, from, to)
                .filter(how -> notFollowed(test.withinRuns().test(held, 0, totals), change));
    }

    /**
     * How {@code rows} appeared beside {@code holders} (see {@link #appearedWithoutCost}), else empty; replicates
     * {@code from..to} are its low side.
     */
    private static Optional<String> appearance(long[] rows, long[] holders, int from, int to) {
        boolean newInHead = from == 0;
        if (CountSignificance.sum(rows, 0, from, to) == 0) {
            return Optional.of(newInHead ? "is new in head on its call paths" : "is gone from head on its call paths");
        }
        int ran = 0;
        int zeros = 0;
        long sum = 0;
        for (int r = from; r < to; r++) {
            if (holders[r] > 0) {
                ran++;
                zeros += rows[r] == 0 ? 1 : 0;
                sum += rows[r];
            }
        }
        double chance = ran == 0 ? 1 : Math.exp(-(double) sum / ran);
        boolean improbable = zeros > 1 && new BinomialDistribution(ran, chance).cumulativeProbability(zeros - 1)
                > 1 - ABSENCE_P;
        return improbable ? Optional.of(String.format(Locale.ROOT, "has no samples in %d of %s's %d replicates where "
                + "its callers ran (sampling would leave it out of so many with p < %.2f)", zeros,
                newInHead ? "base" : "head", ran, ABSENCE_P)) : Optional.empty();
    }

    /**
     * True when {@code holder} (the total of what held a new or gone frame's samples) did not demonstrably change in
     * the direction of the frame's {@code change}: its 95% interval reaches zero.
     */
    static boolean notFollowed(CountSignificance.Result holder, double change) {
        Interval ci = holder.effect().ci();
        return change > 0 ? ci.low() <= 0 : ci.high() >= 0;
    }

    /**
     * The outermost distinct holders of {@code nodes} (see {@link #appearedWithoutCost}) on the low side, replicates
     * {@code from..to}; empty when one has none.
     */
    private static int[] holders(int[] nodes, double room, int from, int to, ReplicateTree tree, long[] inclusive) {
        int replicates = tree.replicates();
        double sideTotal = CountSignificance.sum(inclusive, 0, from, to);
        int[] holders = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            int holder = tree.parent(nodes[i]);
            long held = CountSignificance.sum(inclusive, holder * replicates, from, to);
            while (holder != ReplicateTree.ROOT && held < room * sideTotal) {
                holder = tree.parent(holder);
                held = CountSignificance.sum(inclusive, holder * replicates, from, to);
            }
            if (holder == ReplicateTree.ROOT || held > HOLDER_LIMIT * sideTotal) {
                return new int[0];
            }
            holders[i] = holder;
        }
        return Arrays.stream(holders).distinct().filter(h -> Arrays.stream(holders)
                .noneMatch(other -> other != h && tree.contains(other, h))).toArray();
    }

    private static boolean unchangedCaller(CulpritSearch.Culprit gained, CulpritSearch.Culprit lost,
                                           ReplicateTree tree, CountSignificance test, long[] inclusive, Totals totals,
                                           FeatureSignificance functionTests) {
        int caller = gained.node();
        while (!tree.contains(caller, lost.node())) {
            caller = tree.parent(caller);
        }
        if (caller == ReplicateTree.ROOT || caller == gained.node() || caller == lost.node()) {
            return false;
        }
        CountSignificance.Result result = test.withinRuns().test(inclusive, caller * tree.replicates(), totals);
        return unchanged(result, Math.min(functionTests.result(gained.function()).change(),
                -functionTests.result(lost.function()).change()));
    }
}
