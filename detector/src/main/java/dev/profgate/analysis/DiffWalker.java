package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One walk down the differential call tree, from a set of nodes (all of one function) in one direction of change.
 * While the callees of the current nodes, grouped by function, include one group with at least {@link #EXPLAINED}
 * of the current change (same direction, significant at the FDR level), the walk descends into it. Where that
 * fails, a function further down that carries at least {@link #CONVERGED} of the change through several call paths
 * (its top-most occurrences below the current nodes) is the next step; otherwise the walk ends, in self time when
 * the current nodes' own self change is at least {@link #EXPLAINED} of the change, else in a fan-out. An increase
 * that ends in a fan-out below the top-most frame where its cost appeared (base share at most {@link #APPEARED} of
 * head share; for a decrease, where it vanished: head at most that fraction of base) reports that frame
 * ({@link Walk#appeared}), for the culprit search to prefer: below it every callee is new (or gone) too, and the
 * fan-out only splits one cause
 * among library internals (a regex compiled per call is {@code Pattern.compile} under the validator, not the
 * compiler's parser functions). One that ends in self time keeps that frame (a newly contended lock, a new hot loop).
 * One that ends in a fan-out at an entry frame (a child of the root) where the children that appeared carry most of
 * the change ends there with those children ({@link Walk#split}): they are separate causes, each to be walked on its
 * own, and the entry frame names none of them. Below the entry, the frame where such calls fan out is the culprit,
 * with every new call below it (a validator that both compiles a regex and formats a string on every call).
 */
final class DiffWalker {
    /** The share of a change one callee must explain for the walk to descend into it. */
    static final double EXPLAINED = 0.6;
    /** The share of a change a function reached through several call paths must carry for the walk to jump to it. */
    static final double CONVERGED = 0.8;
    /**
     * The largest base share, as a fraction of the head share, of a frame where a cost counts as having appeared (and
     * the largest head share, as a fraction of the base share, where it counts as having vanished).
     */
    static final double APPEARED = 0.02;

    private final ReplicateTree tree;
    private final CountSignificance test;
    private final double fdr;
    private final int replicates;
    private final long[] groupCounts;
    private final int[] touched;
    private final boolean[] grouped;
    private final int[] active;

    /**
     * The node sets visited, from the start to where the walk ended, whether it ended in self time, and the level of
     * the top-most frame where the change appeared (or vanished) when the walk then ended in a fan-out (-1 otherwise).
     */
    record Walk(List<int[]> levels, boolean endsInSelf, int appeared, List<Integer> split) {
    }

    DiffWalker(ReplicateTree tree, CountSignificance test, double fdr) {
        this.tree = tree;
        this.test = test;
        this.fdr = fdr;
        this.replicates = tree.replicates();
        int functions = tree.functions().size();
        this.groupCounts = new long[functions * replicates];
        this.touched = new int[functions];
        this.grouped = new boolean[functions];
        this.active = new int[functions];
    }

    /** Walks from {@code start} in direction {@code sign} (+1 increase, -1 decrease) on unmasked counts {@code inclusive}. */
    Walk walk(int[] start, int sign, long[] inclusive, Totals totals, boolean[] mask) {
        List<int[]> levels = new ArrayList<>();
        int[] nodes = start;
        double change = sign * test.change(tree.sumRows(nodes, inclusive), 0, totals);
        long[] best = new long[replicates];
        int appearedLevel = -1;
        while (true) {
            if (appearedLevel < 0 && appeared(tree.sumRows(nodes, inclusive), sign, totals)) {
                appearedLevel = levels.size();
            }
            levels.add(nodes);
            int callee = bestCallee(nodes, inclusive, mask, sign, totals, best);
            if (callee >= 0 && explains(best, change, EXPLAINED, sign, totals)) {
                nodes = callees(nodes, callee, mask);
            } else {
                int converged = bestDescendant(nodes, inclusive, mask, sign, totals, best);
                if (converged < 0 || !explains(best, change, CONVERGED, sign, totals)) {
                    break;
                }
                nodes = topmostBelow(nodes, converged, mask);
            }
            change = sign * test.change(best, 0, totals);
        }
        double selfChange = sign * test.change(tree.sumRows(nodes, tree.self()), 0, totals);
        boolean endsInSelf = selfChange >= EXPLAINED * change;
        boolean entry = tree.parent(nodes[0]) == ReplicateTree.ROOT;
        List<Integer> split = endsInSelf || appearedLevel >= 0 || !entry ? List.of()
                : appearedChildren(nodes, sign, change, inclusive, totals, mask);
        return new Walk(levels, endsInSelf, endsInSelf ? -1 : appearedLevel, split);
    }

    /**
     * The unmasked children of {@code nodes} (an entry frame such as {@code main} or a thread's run method) whose cost
     * appeared (or vanished), when together they carry at least {@link #EXPLAINED} of {@code change}: separate causes
     * that met under the program's entry, which names none of them, each to be walked on its own. Empty otherwise.
     */
    private List<Integer> appearedChildren(int[] nodes, int sign, double change, long[] inclusive, Totals totals,
                                           boolean[] mask) {
        List<Integer> children = new ArrayList<>();
        long[] sum = new long[replicates];
        for (int node : nodes) {
            for (int child = node + 1; child < tree.end(node); child = tree.end(child)) {
                long[] row = Arrays.copyOfRange(inclusive, child * replicates, (child + 1) * replicates);
                if (!mask[child] && appeared(row, sign, totals)) {
                    children.add(child);
                    for (int r = 0; r < replicates; r++) {
                        sum[r] += row[r];
                    }
                }
            }
        }
        return sign * test.change(sum, 0, totals) >= EXPLAINED * change ? children : List.of();
    }

    /** True when the cost of {@code counts} appeared in head ({@code sign > 0}) or vanished from it. */
    private boolean appeared(long[] counts, int sign, Totals totals) {
        double baseShare = (double) CountSignificance.sum(counts, 0, 0, test.baseReplicates()) / totals.base();
        double headShare = test.change(counts, 0, totals) + baseShare;
        return sign > 0 ? baseShare <= APPEARED * headShare : headShare <= APPEARED * baseShare;
    }

    /** Unmasked nodes of function {@code f} without an ancestor of {@code f}. */
    int[] topmost(int f, boolean[] mask) {
        IntBuffer found = new IntBuffer();
        collectTopmost(ReplicateTree.ROOT, f, mask, found);
        return found.toArray();
    }

    /** The node with the largest change in direction {@code sign}. */
    int representative(int[] nodes, long[] inclusive, int sign, Totals totals) {
        int best = nodes[0];
        double bestChange = Double.NEGATIVE_INFINITY;
        for (int node : nodes) {
            double change = sign * test.change(inclusive, node * replicates, totals);
            if (change > bestChange) {
                bestChange = change;
                best = node;
            }
        }
        return best;
    }

    private boolean explains(long[] counts, double change, double fraction, int sign, Totals totals) {
        CountSignificance.Result result = test.test(counts, 0, totals);
        return sign * result.change() >= fraction * change && result.pValue() <= fdr;
    }

    /**
     * Groups the unmasked children of {@code nodes} by function; returns the function whose group changed most in
     * direction {@code sign} (its counts copied to {@code best}), or -1 when there are no children.
     */
    private int bestCallee(int[] nodes, long[] inclusive, boolean[] mask, int sign, Totals totals, long[] best) {
        int groups = 0;
        for (int node : nodes) {
            for (int child = node + 1; child < tree.end(node); child = tree.end(child)) {
                if (!mask[child]) {
                    groups = addToGroup(tree.function(child), child, inclusive, groups);
                }
            }
        }
        return pickGroup(groups, sign, totals, best);
    }

    /**
     * Counts every function below {@code nodes} once per sample (its top-most occurrences there) and returns the one
     * other than the current function that changed most in direction {@code sign} (counts copied to {@code best}).
     */
    private int bestDescendant(int[] nodes, long[] inclusive, boolean[] mask, int sign, Totals totals, long[] best) {
        int current = tree.function(nodes[0]);
        int groups = 0;
        PathStack path = new PathStack();
        for (int top : nodes) {
            for (int node = top + 1; node < tree.end(top); node++) {
                if (mask[node]) {
                    node = tree.end(node) - 1;
                    continue;
                }
                path.leaveBefore(node, active);
                int f = tree.function(node);
                if (active[f]++ == 0 && f != current) {
                    groups = addToGroup(f, node, inclusive, groups);
                }
                path.enter(tree.end(node), f);
            }
            path.clear(active);
        }
        return pickGroup(groups, sign, totals, best);
    }

    private int addToGroup(int f, int node, long[] inclusive, int groups) {
        if (!grouped[f]) {
            grouped[f] = true;
            touched[groups++] = f;
        }
        for (int r = 0; r < replicates; r++) {
            groupCounts[f * replicates + r] += inclusive[node * replicates + r];
        }
        return groups;
    }

    /** Picks the touched group with the largest change in direction {@code sign} (first one on ties) and clears all. */
    private int pickGroup(int groups, int sign, Totals totals, long[] best) {
        int bestFunction = -1;
        double bestChange = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < groups; i++) {
            double change = sign * test.change(groupCounts, touched[i] * replicates, totals);
            if (change > bestChange) {
                bestChange = change;
                bestFunction = touched[i];
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
        IntBuffer found = new IntBuffer();
        for (int node : nodes) {
            for (int child = node + 1; child < tree.end(node); child = tree.end(child)) {
                if (!mask[child] && tree.function(child) == f) {
                    found.add(child);
                }
            }
        }
        return found.toArray();
    }

    /** Unmasked nodes of {@code f} strictly below {@code nodes}, without an ancestor of {@code f} there. */
    private int[] topmostBelow(int[] nodes, int f, boolean[] mask) {
        IntBuffer found = new IntBuffer();
        for (int top : nodes) {
            collectTopmost(top, f, mask, found);
        }
        return found.toArray();
    }

    /** Adds the unmasked nodes of {@code f} strictly below {@code top} that have no ancestor of {@code f} below it. */
    private void collectTopmost(int top, int f, boolean[] mask, IntBuffer found) {
        for (int node = top + 1; node < tree.end(top); node++) {
            if (mask[node] || tree.function(node) == f) {
                if (!mask[node]) {
                    found.add(node);
                }
                node = tree.end(node) - 1;
            }
        }
    }

    /** A growable int array. */
    private static final class IntBuffer {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
