package dev.profgate.analysis;

import java.util.Arrays;

/**
 * The whole differential call tree at function granularity, for flame graphs: every node (a path of function names;
 * node 0 is the root, {@code parent(node) < node}) with its sample counts pooled over each side's replicates, and
 * the primary test of its total where the culprit search tested it (every node but the root that holds enough
 * samples to ever reach the effect floors; q-values by Benjamini-Hochberg over those nodes). A node is significant
 * when its q-value is at most the FDR and its change reaches the policy's floors. Its change, what the colours show,
 * is relative to the code that did not change ({@link #change}), as every test of the comparison is.
 */
public final class FlameTree {
    /** The name of the callee that stands for a frame's callees too small to draw ({@link #merged}). */
    public static final String MERGED = "(smaller frames, merged)";

    private final String[] names;
    private final int[] parent;
    private final int[] function;
    private final long[] baseTotal;
    private final long[] headTotal;
    private final double[] qValue;
    private final double[] ciLow;
    private final double[] ciHigh;
    private final boolean[] significant;
    private final double scale;

    private FlameTree(String[] names, int[] parent, int[] function, long[] baseTotal, long[] headTotal, int size,
                      double scale) {
        this.names = names;
        this.parent = parent;
        this.function = function;
        this.baseTotal = baseTotal;
        this.headTotal = headTotal;
        this.qValue = new double[size];
        this.ciLow = new double[size];
        this.ciHigh = new double[size];
        this.significant = new boolean[size];
        this.scale = scale;
        Arrays.fill(qValue, Double.NaN);
    }

    /** A tree of the root alone, with no samples (for comparisons built without profiles). */
    public static FlameTree empty() {
        return new FlameTree(new String[] {DiffTreeBuilder.ROOT_NAME}, new int[] {-1}, new int[] {0}, new long[1],
                new long[1], 1, 1);
    }

    /**
     * Pools {@code inclusive} ({@code [node * R + r]}, the unmasked counts) per side and takes each node's test and
     * q-value from {@code nodeTests} (the culprit search's tests of every node, against {@code scale}; the root is
     * left untested).
     */
    static FlameTree build(ReplicateTree tree, Gate gate, FeatureSignificance nodeTests, long[] inclusive,
                           double scale) {
        int size = tree.size();
        int replicates = tree.replicates();
        int base = tree.baseReplicates();
        String[] names = new String[tree.functions().size() + 1];
        for (int f = 0; f < names.length - 1; f++) {
            names[f] = tree.functions().name(f);
        }
        names[names.length - 1] = DiffTreeBuilder.ROOT_NAME;
        int[] parent = new int[size];
        int[] function = new int[size];
        long[] baseTotal = new long[size];
        long[] headTotal = new long[size];
        for (int node = 0; node < size; node++) {
            boolean root = node == ReplicateTree.ROOT;
            parent[node] = root ? -1 : tree.parent(node);
            function[node] = root ? names.length - 1 : tree.function(node);
            baseTotal[node] = CountSignificance.sum(inclusive, node * replicates, 0, base);
            headTotal[node] = CountSignificance.sum(inclusive, node * replicates, base, replicates);
        }
        FlameTree flame = new FlameTree(names, parent, function, baseTotal, headTotal, size, scale);
        for (int node = 1; node < size; node++) {
            CountSignificance.Result result = nodeTests.result(node);
            if (result != null) {
                flame.qValue[node] = nodeTests.qValue(node);
                flame.ciLow[node] = result.ci().low();
                flame.ciHigh[node] = result.ci().high();
                flame.significant[node] = gate.lists(result, flame.qValue[node]);
            }
        }
        return flame;
    }

    /**
     * This tree for drawing in a page: the frames whose subtree holds less than {@code fraction} of both sides'
     * samples are merged, under each parent, into one callee named {@link #MERGED} with their summed totals
     * (untested); frames without samples are left out, significant frames and their callers always stay, and only
     * the names of the frames left are kept. This tree itself when no frame is that small.
     */
    public FlameTree merged(double fraction) {
        boolean[] kept = keptFrames(fraction);
        int size = size();
        int[] index = new int[size];
        int count = 0;
        long[] otherBase = new long[size];
        long[] otherHead = new long[size];
        boolean[] hasOther = new boolean[size];
        int others = 0;
        for (int node = 0; node < size; node++) {
            if (kept[node]) {
                index[node] = count++;
            } else if (kept[parent[node]] && baseTotal[node] + headTotal[node] > 0) {
                others += hasOther[parent[node]] ? 0 : 1;
                hasOther[parent[node]] = true;
                otherBase[parent[node]] += baseTotal[node];
                otherHead[parent[node]] += headTotal[node];
            }
        }
        return count == size ? this : mergedTree(kept, index, count, others, hasOther, otherBase, otherHead);
    }

    private boolean[] keptFrames(double fraction) {
        int size = size();
        double baseFloor = fraction * baseTotal[0];
        double headFloor = fraction * headTotal[0];
        boolean[] kept = new boolean[size];
        kept[0] = true;
        for (int node = size - 1; node > 0; node--) {
            kept[node] |= significant[node] || baseTotal[node] >= baseFloor || headTotal[node] >= headFloor;
            kept[parent[node]] |= kept[node];
        }
        return kept;
    }

    /** The kept frames and one merged frame per caller that has them, with only the names these frames use. */
    private FlameTree mergedTree(boolean[] kept, int[] index, int count, int others, boolean[] hasOther,
                                 long[] otherBase, long[] otherHead) {
        int[] id = new int[names.length + 1];
        Arrays.fill(id, -1);
        String[] used = new String[names.length + 1];
        int functions = 0;
        for (int node = 0; node < size(); node++) {
            if (kept[node] && id[function[node]] < 0) {
                id[function[node]] = functions;
                used[functions++] = names[function[node]];
            }
        }
        id[names.length] = functions;
        used[functions] = MERGED;
        int size = count + others;
        FlameTree tree = new FlameTree(Arrays.copyOf(used, functions + (others > 0 ? 1 : 0)), new int[size],
                new int[size], new long[size], new long[size], size, scale);
        int other = count;
        for (int node = 0; node < size(); node++) {
            if (kept[node]) {
                tree.copyFrame(index[node], node == 0 ? -1 : index[parent[node]], id[function[node]], this, node);
                if (hasOther[node]) {
                    tree.parent[other] = index[node];
                    tree.function[other] = id[names.length];
                    tree.baseTotal[other] = otherBase[node];
                    tree.headTotal[other++] = otherHead[node];
                }
            }
        }
        return tree;
    }

    private void copyFrame(int to, int toParent, int toFunction, FlameTree from, int node) {
        parent[to] = toParent;
        function[to] = toFunction;
        baseTotal[to] = from.baseTotal[node];
        headTotal[to] = from.headTotal[node];
        qValue[to] = from.qValue[node];
        ciLow[to] = from.ciLow[node];
        ciHigh[to] = from.ciHigh[node];
        significant[to] = from.significant[node];
    }

    /** Nodes in the tree, the root included. */
    public int size() {
        return parent.length;
    }

    /** The parent of {@code node} (smaller than {@code node}), -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /** The function name of {@code node} ({@code root} for the root). */
    public String name(int node) {
        return names[function[node]];
    }

    /** Function ids run from 0 to this count (exclusive); the root has one of its own. */
    public int functionCount() {
        return names.length;
    }

    /** The name of function id {@code function}. */
    public String functionName(int function) {
        return names[function];
    }

    /** The function id of {@code node}: nodes of the same function share it. */
    public int function(int node) {
        return function[node];
    }

    /** Base samples in the subtree of {@code node}, pooled over the base replicates (the root: all base samples). */
    public long baseTotal(int node) {
        return baseTotal[node];
    }

    /** Head samples in the subtree of {@code node}, pooled over the head replicates (the root: all head samples). */
    public long headTotal(int node) {
        return headTotal[node];
    }

    /** True when {@code node}'s total was tested. */
    public boolean tested(int node) {
        return !Double.isNaN(qValue[node]);
    }

    /** The Benjamini-Hochberg q-value of {@code node}'s total share change, NaN when not tested. */
    public double qValue(int node) {
        return qValue[node];
    }

    /** The 95% interval of {@code node}'s share change (head minus base), null when not tested. */
    public Interval ci(int node) {
        return tested(node) ? new Interval(ciLow[node], ciHigh[node]) : null;
    }

    /**
     * The head side's scale ({@code Totals}): the share the code that did not change holds in head over the share it
     * holds in base (1: shares as measured).
     */
    public double scale() {
        return scale;
    }

    /** {@code node}'s total as a share of base's samples. */
    public double baseShare(int node) {
        return share(baseTotal[node], baseTotal[0]);
    }

    /** {@code node}'s total as a share of head's samples. */
    public double headShare(int node) {
        return share(headTotal[node], headTotal[0]);
    }

    /** Head share minus base share of {@code node}'s total, as measured. */
    public double delta(int node) {
        return headShare(node) - baseShare(node);
    }

    /**
     * The change of {@code node}'s total relative to the code that did not change, in shares of base's total: its
     * head share divided by the {@link #scale}, minus its base share ("+0.5% of CPU"). A caller whose share grew only
     * because a callee's cost left the profile did not get slower.
     */
    public double change(int node) {
        return headShare(node) / scale - baseShare(node);
    }

    private static double share(long count, long total) {
        return (double) count / Math.max(1, total);
    }

    /** True when {@code node}'s change is significant and reaches the effect floors. */
    public boolean significant(int node) {
        return significant[node];
    }

    /** The base and head samples of the stacks through {@code function} (counted once under recursion). */
    public long[] functionTotals(String function) {
        long[] totals = new long[2];
        for (int node = 1; node < size(); node++) {
            if (name(node).equals(function) && !underItself(node)) {
                totals[0] += baseTotal[node];
                totals[1] += headTotal[node];
            }
        }
        return totals;
    }

    private boolean underItself(int node) {
        for (int up = parent[node]; up > 0; up = parent[up]) {
            if (function[up] == function[node]) {
                return true;
            }
        }
        return false;
    }
}
