package dev.profgate.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Culprits, not callers. Increases first, then decreases, each in two phases of {@link DiffWalker} walks:
 * <ol>
 * <li>from every call-tree node whose change is listed (node test, q-values over all nodes) while its parent's is
 * not, largest change first: call context keeps a function reached from many callers (an allocator, a trampoline)
 * from posing as the culprit of their separate changes;</li>
 * <li>from every function whose total change is listed and is still listed once the samples under the culprits found
 * so far are removed from both sides (what is left, renormalised): changes spread over many call paths. These
 * walks count only when they end in self time (the function itself got slower or faster everywhere).</li>
 * </ol>
 * The culprit of a walk is the deepest function on it whose own total change is listed (function test); its nodes'
 * subtrees then count as explained. A function is a culprit once; further walks ending in it add call paths.
 */
final class CulpritSearch {
    private final ReplicateTree tree;
    private final CountSignificance test;
    private final Gate gate;
    private final DiffWalker walker;
    private final boolean[] ignored;
    private final Map<Integer, Culprit> culprits = new LinkedHashMap<>();
    private boolean[] boundNodes;
    private boolean[] boundFunctions;
    private int maskVersion;
    private int leftVersion;
    private long[] leftInclusive;
    private FunctionCounts leftCounts;

    /** A culprit: its function, the direction of its change, its representative node (call path) and all its nodes. */
    record Culprit(int function, int sign, int node, int[] nodes) {
    }

    /**
     * The culprits in the order found; the first-round tests of function totals and of nodes; the function counts of
     * what the culprits left, and which nodes they cover.
     */
    record Outcome(List<Culprit> culprits, FunctionCounts counts, Totals totals, FeatureSignificance functionTests,
                   FeatureSignificance nodeTests, FunctionCounts residualCounts, Totals residualTotals, boolean[] mask,
                   boolean[] scaleBoundNodes) {
    }

    CulpritSearch(ReplicateTree tree, CountSignificance test, Gate gate) {
        this.tree = tree;
        this.test = test;
        this.gate = gate;
        this.walker = new DiffWalker(tree, test, gate.fdr());
        int functions = tree.functions().size();
        this.ignored = new boolean[functions];
        for (int f = 0; f < functions; f++) {
            ignored[f] = gate.ignores(tree.functions().name(f));
        }
    }

    boolean[] ignored() {
        return ignored;
    }

    /**
     * Searches the tree; {@code inclusive} and {@code counts} are its unmasked node and function counts, {@code totals}
     * their denominators.
     */
    Outcome run(long[] inclusive, FunctionCounts counts, Totals totals) {
        FeatureSignificance functionTests = FeatureSignificance.run(counts.total(), totals, ignored, test, gate.smallestListedChange());
        FeatureSignificance nodeTests = FeatureSignificance.run(inclusive, totals, new boolean[tree.size()], test,
                gate.smallestListedChange());
        boolean[] mask = new boolean[tree.size()];
        int base = test.baseReplicates();
        boundNodes = ScaleBound.of(inclusive, tree.size(), counts.replicateTotals(), base);
        boundFunctions = ScaleBound.of(counts.total(), counts.functionCount(), counts.replicateTotals(), base);
        leftInclusive = inclusive;
        leftCounts = counts;
        for (int sign : new int[] {1, -1}) {
            walkFromNodes(sign, nodeTests, functionTests, inclusive, totals, mask);
            walkFromFunctions(sign, functionTests, inclusive, totals, mask);
        }
        FunctionCounts residual = left(mask);
        return new Outcome(new ArrayList<>(culprits.values()), counts, totals, functionTests, nodeTests, residual,
                totals.residual(residual.replicateTotals()), mask, boundNodes);
    }

    private void walkFromNodes(int sign, FeatureSignificance nodeTests, FeatureSignificance functionTests, long[] inclusive,
                               Totals totals, boolean[] mask) {
        Deque<Integer> starts = new ArrayDeque<>();
        Arrays.stream(maximalNodes(sign, nodeTests)).forEach(starts::addLast);
        while (!starts.isEmpty()) {
            int start = starts.removeFirst();
            if (!mask[start]) {
                DiffWalker.Walk walk = walker.walk(new int[] {start}, sign, inclusive, totals, mask);
                List<Integer> split = walk.split().isEmpty() ? boundSplit(walk, sign, nodeTests, mask) : walk.split();
                if (split.isEmpty()) {
                    record(walk, sign, functionTests, inclusive, totals, mask);
                } else {
                    split.forEach(starts::addFirst);
                }
            }
        }
    }

    /** Nodes with a listed change in direction {@code sign} whose parent has none, largest change first. */
    private int[] maximalNodes(int sign, FeatureSignificance nodeTests) {
        int[] starts = new int[tree.size()];
        int count = 0;
        for (int node = 1; node < tree.size(); node++) {
            int parent = tree.parent(node);
            if (nodeTests.listed(node, sign, gate) && (parent == ReplicateTree.ROOT || !nodeTests.listed(parent, sign, gate))) {
                starts[count++] = node;
            }
        }
        return Arrays.stream(starts, 0, count).boxed()
                .sorted((a, b) -> Double.compare(sign * nodeTests.result(b).change(), sign * nodeTests.result(a).change()))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * When {@code walk} ended at {@link ScaleBound scale-bound} nodes (a change under the request handler that no one
     * callee explains, as the scale's error spreads over all of them): their unmasked children with a listed change
     * in direction {@code sign}, each to be walked on its own. Empty otherwise.
     */
    private List<Integer> boundSplit(DiffWalker.Walk walk, int sign, FeatureSignificance nodeTests, boolean[] mask) {
        int[] last = walk.levels().get(walk.levels().size() - 1);
        List<Integer> children = new ArrayList<>();
        for (int node : last) {
            if (!boundNodes[node]) {
                continue;
            }
            for (int child = node + 1; child < tree.end(node); child = tree.end(child)) {
                if (!mask[child] && nodeTests.listed(child, sign, gate)) {
                    children.add(child);
                }
            }
        }
        return children;
    }

    /** The function counts of what the culprits left, recomputed only when the mask changed. */
    private FunctionCounts left(boolean[] mask) {
        if (leftVersion != maskVersion) {
            leftInclusive = tree.inclusive(mask);
            leftCounts = FunctionCounts.of(tree, leftInclusive, mask);
            leftVersion = maskVersion;
        }
        return leftCounts;
    }

    private void walkFromFunctions(int sign, FeatureSignificance functionTests, long[] inclusive, Totals totals,
                                   boolean[] mask) {
        boolean[] tried = new boolean[tree.functions().size()];
        while (true) {
            FunctionCounts counts = left(mask);
            long[] left = leftInclusive;
            if (!bothSidesLeft(counts.replicateTotals())) {
                return;
            }
            Totals leftTotals = totals.residual(counts.replicateTotals());
            FeatureSignificance residual = FeatureSignificance.run(counts.total(), leftTotals, ignored, test,
                    gate.smallestListedChange());
            boolean found = false;
            for (int f = nextStart(sign, functionTests, residual, tried); f >= 0 && !found;
                 f = nextStart(sign, functionTests, residual, tried)) {
                tried[f] = true;
                DiffWalker.Walk walk = walker.walk(walker.topmost(f, mask), sign, left, leftTotals, mask);
                found = walk.endsInSelf() && record(walk, sign, functionTests, inclusive, totals, mask);
            }
            if (!found) {
                return;
            }
        }
    }

    /** The untried function listed in the first round and in {@code residual}, with the largest residual change. */
    private int nextStart(int sign, FeatureSignificance first, FeatureSignificance residual, boolean[] tried) {
        int best = -1;
        double bestChange = 0;
        for (int f = 0; f < residual.size(); f++) {
            if (!tried[f] && !boundFunctions[f] && first.listed(f, sign, gate) && residual.listed(f, sign, gate)
                    && sign * residual.result(f).change() > bestChange) {
                best = f;
                bestChange = sign * residual.result(f).change();
            }
        }
        return best;
    }

    /**
     * Records the culprit of {@code walk} (the frame where its increase appeared when that is listed, else the deepest
     * function on it whose first-round change is significant, if that change is listed too) and masks its nodes;
     * false when no function on the walk qualifies. A function whose change is significant but under the floors is
     * not replaced by its caller, whose change it explains; a {@link ScaleBound scale-bound} function never qualifies.
     */
    private boolean record(DiffWalker.Walk walk, int sign, FeatureSignificance functionTests, long[] inclusive,
                           Totals totals, boolean[] mask) {
        List<int[]> levels = walk.levels();
        int level = walk.appeared() >= 0 && functionTests.listed(tree.function(levels.get(walk.appeared())[0]), sign, gate)
                ? walk.appeared() : levels.size() - 1;
        while (level >= 0 && !qualifies(tree.function(levels.get(level)[0]), sign, functionTests)) {
            level--;
        }
        if (level < 0 || !functionTests.listed(tree.function(levels.get(level)[0]), sign, gate)) {
            return false;
        }
        int[] nodes = levels.get(level);
        int f = tree.function(nodes[0]);
        Culprit known = culprits.get(f);
        if (known == null) {
            culprits.put(f, new Culprit(f, sign, walker.representative(nodes, inclusive, sign, totals), nodes));
        } else if (known.sign() == sign) {
            int[] merged = Arrays.copyOf(known.nodes(), known.nodes().length + nodes.length);
            System.arraycopy(nodes, 0, merged, known.nodes().length, nodes.length);
            culprits.put(f, new Culprit(f, sign, known.node(), merged));
        }
        for (int node : nodes) {
            tree.maskSubtree(node, mask);
        }
        maskVersion++;
        return true;
    }

    private boolean qualifies(int function, int sign, FeatureSignificance functionTests) {
        return !boundFunctions[function] && functionTests.significant(function, sign, gate.fdr());
    }

    private boolean bothSidesLeft(long[] totals) {
        int base = test.baseReplicates();
        return CountSignificance.sum(totals, 0, 0, base) > 0 && CountSignificance.sum(totals, 0, base, totals.length) > 0;
    }
}
