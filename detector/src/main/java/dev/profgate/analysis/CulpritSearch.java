package dev.profgate.analysis;

import dev.profgate.model.TreeWalk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Culprits, not callers. Each round tests every function's total; the listed change with the largest |delta| starts
 * a walk down the differential call tree: from all top-most occurrences of that function, the callees are grouped
 * by function, and while one callee group explains at least {@link #EXPLAINED} of the current change (same sign,
 * tested significant at the FDR level) the walk descends into it. Where the change fans out or turns into self
 * time, the walk stops; the culprit is the deepest function on the walk whose own total change is listed, and its
 * call path is the root path of its occurrence with the largest change. The culprit's subtrees are then removed
 * from both sides (their samples are explained) and the next round tests what is left, until nothing is listed.
 */
final class CulpritSearch {
    /** The share of a change one callee must explain for the walk to descend into it. */
    static final double EXPLAINED = 0.6;
    /** Rounds at most (each finds one culprit). */
    static final int MAX_CULPRITS = 20;

    private final ReplicateTree tree;
    private final CountTest test;
    private final Gate gate;
    private final boolean[] ignored;
    private final int[] firstSeen;
    private final int replicates;
    private final long[] groupCounts;
    private final int[] touched;
    private final boolean[] grouped;

    /**
     * One culprit: its function, the direction of the change, the round's test of its total (with q-value), its
     * per-replicate total counts and replicate totals in that round, its representative node and all its nodes.
     */
    record Culprit(int function, int sign, CountTest.Result result, double qValue, long[] counts, long[] totals,
                   int node, int[] nodes, int round) {
    }

    /** The culprits in the order found, the first round (all samples), and the residual after the last culprit. */
    record Outcome(List<Culprit> culprits, FunctionCounts firstCounts, FunctionTests firstTests,
                   FunctionCounts residualCounts, boolean[] mask) {
    }

    CulpritSearch(ReplicateTree tree, CountTest test, Gate gate) {
        this.tree = tree;
        this.test = test;
        this.gate = gate;
        this.replicates = tree.replicates();
        int functions = tree.functions().size();
        this.ignored = new boolean[functions];
        for (int f = 0; f < functions; f++) {
            ignored[f] = gate.ignores(tree.functions().name(f));
        }
        this.firstSeen = new int[functions];
        Arrays.fill(firstSeen, Integer.MAX_VALUE);
        int[] preorder = tree.walk().preorder();
        for (int i = preorder.length - 1; i > 0; i--) {
            firstSeen[tree.function(preorder[i])] = i;
        }
        this.groupCounts = new long[functions * replicates];
        this.touched = new int[functions];
        this.grouped = new boolean[functions];
    }

    boolean[] ignored() {
        return ignored;
    }

    /** Runs the rounds; the first one works on {@code inclusive} and {@code counts} of the unmasked tree. */
    Outcome run(long[] inclusive, FunctionCounts counts) {
        boolean[] mask = new boolean[tree.size()];
        List<Culprit> culprits = new ArrayList<>();
        FunctionCounts firstCounts = counts;
        FunctionTests firstTests = null;
        while (true) {
            if (!culprits.isEmpty()) {
                inclusive = tree.inclusive(mask);
                counts = FunctionCounts.of(tree, inclusive, mask);
            }
            FunctionTests tests = FunctionTests.run(counts.total(), counts.replicateTotals(), ignored, test,
                    gate.smallestListedChange());
            if (firstTests == null) {
                firstTests = tests;
            }
            int start = culprits.size() < MAX_CULPRITS && bothSidesLeft(counts) ? pickStart(tests) : -1;
            if (start < 0) {
                return new Outcome(culprits, firstCounts, firstTests, counts, mask);
            }
            Culprit culprit = walk(start, tests, counts, inclusive, mask, culprits.size());
            culprits.add(culprit);
            for (int node : culprit.nodes()) {
                tree.maskSubtree(node, mask);
            }
        }
    }

    private boolean bothSidesLeft(FunctionCounts counts) {
        long[] totals = counts.replicateTotals();
        int base = test.baseReplicates();
        return CountTest.sum(totals, 0, 0, base) > 0 && CountTest.sum(totals, 0, base, replicates) > 0;
    }

    /** True when function {@code f}'s change in this round is listed and points in direction {@code sign}. */
    private boolean listed(FunctionTests tests, int f, int sign) {
        CountTest.Result result = tests.result(f);
        return result != null && Math.signum(result.delta()) == sign && gate.lists(result, tests.qValue(f));
    }

    private int pickStart(FunctionTests tests) {
        int best = -1;
        double bestChange = 0;
        for (int f = 0; f < tests.size(); f++) {
            CountTest.Result result = tests.result(f);
            if (result == null || !gate.lists(result, tests.qValue(f))) {
                continue;
            }
            double change = Math.abs(result.delta());
            if (change > bestChange || change == bestChange && best >= 0 && firstSeen[f] < firstSeen[best]) {
                best = f;
                bestChange = change;
            }
        }
        return best;
    }

    private Culprit walk(int start, FunctionTests tests, FunctionCounts counts, long[] inclusive, boolean[] mask,
                         int round) {
        long[] totals = counts.replicateTotals();
        int sign = (int) Math.signum(tests.result(start).delta());
        List<int[]> levels = new ArrayList<>();
        int[] nodes = topmost(start, mask);
        double change = Math.abs(tests.result(start).delta());
        while (true) {
            levels.add(nodes);
            long[] best = new long[replicates];
            int bestFunction = bestCallee(nodes, inclusive, mask, sign, totals, best);
            if (bestFunction < 0) {
                break;
            }
            CountTest.Result group = test.test(best, 0, totals);
            if (sign * group.delta() < EXPLAINED * change || group.pValue() > gate.fdr()) {
                break;
            }
            nodes = callees(nodes, bestFunction, mask);
            change = sign * group.delta();
        }
        int level = levels.size() - 1;
        while (!listed(tests, tree.function(levels.get(level)[0]), sign)) {
            level--;
        }
        int[] culpritNodes = levels.get(level);
        int f = tree.function(culpritNodes[0]);
        long[] row = Arrays.copyOfRange(counts.total(), f * replicates, (f + 1) * replicates);
        return new Culprit(f, sign, tests.result(f), tests.qValue(f), row, totals.clone(),
                representative(culpritNodes, inclusive, sign, totals), culpritNodes, round);
    }

    /** Nodes of function {@code f} without an ancestor of {@code f}, outside masked subtrees. */
    private int[] topmost(int f, boolean[] mask) {
        int[] preorder = tree.walk().preorder();
        int[] found = new int[16];
        int count = 0;
        for (int i = 1; i < preorder.length; i++) {
            int node = preorder[i];
            if (mask[node] || tree.function(node) == f) {
                if (!mask[node]) {
                    found = count == found.length ? Arrays.copyOf(found, count * 2) : found;
                    found[count++] = node;
                }
                i += tree.subtreeSize(node) - 1;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * Groups the unmasked children of {@code nodes} by function and returns the function whose group has the
     * largest change in direction {@code sign} (its counts copied to {@code best}), or -1 when there are no children.
     */
    private int bestCallee(int[] nodes, long[] inclusive, boolean[] mask, int sign, long[] totals, long[] best) {
        TreeWalk walk = tree.walk();
        int groups = 0;
        for (int node : nodes) {
            for (int c = 0; c < walk.childCount(node); c++) {
                int child = walk.child(node, c);
                if (mask[child]) {
                    continue;
                }
                int g = tree.function(child);
                if (!grouped[g]) {
                    grouped[g] = true;
                    touched[groups++] = g;
                }
                for (int r = 0; r < replicates; r++) {
                    groupCounts[g * replicates + r] += inclusive[child * replicates + r];
                }
            }
        }
        int bestFunction = -1;
        double bestChange = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < groups; i++) {
            int g = touched[i];
            double change = sign * test.shareChange(groupCounts, g * replicates, totals);
            if (change > bestChange) {
                bestChange = change;
                bestFunction = g;
            }
        }
        if (bestFunction >= 0) {
            System.arraycopy(groupCounts, bestFunction * replicates, best, 0, replicates);
        }
        for (int i = 0; i < groups; i++) {
            grouped[touched[i]] = false;
            Arrays.fill(groupCounts, touched[i] * replicates, (touched[i] + 1) * replicates, 0);
        }
        return bestFunction;
    }

    private int[] callees(int[] nodes, int f, boolean[] mask) {
        TreeWalk walk = tree.walk();
        int[] found = new int[nodes.length];
        int count = 0;
        for (int node : nodes) {
            for (int c = 0; c < walk.childCount(node); c++) {
                int child = walk.child(node, c);
                if (!mask[child] && tree.function(child) == f) {
                    found = count == found.length ? Arrays.copyOf(found, count * 2) : found;
                    found[count++] = child;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The node with the largest change in direction {@code sign}. */
    private int representative(int[] nodes, long[] inclusive, int sign, long[] totals) {
        int best = nodes[0];
        double bestChange = Double.NEGATIVE_INFINITY;
        for (int node : nodes) {
            double change = sign * test.shareChange(inclusive, node * replicates, totals);
            if (change > bestChange) {
                bestChange = change;
                best = node;
            }
        }
        return best;
    }
}
