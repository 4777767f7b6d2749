package dev.profgate.analysis;

/**
 * Per function and replicate: self and total sample counts ({@code [function * R + r]}; a function recurring on a
 * stack counts once per sample in its total, as pprof's cum) and each replicate's total, from a
 * {@link ReplicateTree} with masked subtrees left out.
 */
final class FunctionCounts {
    private final long[] self;
    private final long[] total;
    private final long[] replicateTotals;
    private final int functionCount;

    private FunctionCounts(long[] self, long[] total, long[] replicateTotals, int functionCount) {
        this.self = self;
        this.total = total;
        this.replicateTotals = replicateTotals;
        this.functionCount = functionCount;
    }

    /** Aggregates the tree; {@code inclusive} is {@code tree.inclusive(mask)}. */
    static FunctionCounts of(ReplicateTree tree, long[] inclusive, boolean[] mask) {
        int replicates = tree.replicates();
        int functions = tree.functions().size();
        long[] self = new long[functions * replicates];
        long[] total = new long[functions * replicates];
        long[] treeSelf = tree.self();
        int[] active = new int[functions];
        PathStack path = new PathStack();
        for (int node = 1; node < tree.size(); node++) {
            if (mask != null && mask[node]) {
                node = tree.end(node) - 1;
                continue;
            }
            path.leaveBefore(node, active);
            int f = tree.function(node);
            boolean first = active[f]++ == 0;
            for (int r = 0; r < replicates; r++) {
                self[f * replicates + r] += treeSelf[node * replicates + r];
                if (first) {
                    total[f * replicates + r] += inclusive[node * replicates + r];
                }
            }
            path.enter(tree.end(node), f);
        }
        long[] replicateTotals = new long[replicates];
        System.arraycopy(inclusive, ReplicateTree.ROOT, replicateTotals, 0, replicates);
        return new FunctionCounts(self, total, replicateTotals, functions);
    }

    /** Self counts, {@code [function * R + r]}. */
    long[] self() {
        return self;
    }

    /** Total (cumulative) counts, {@code [function * R + r]}. */
    long[] total() {
        return total;
    }

    /** Samples per replicate (masked samples left out). */
    long[] replicateTotals() {
        return replicateTotals;
    }

    int functionCount() {
        return functionCount;
    }
}
