package dev.profgate.model;

/**
 * Per-function flat (self) and cumulative (total) values of one profile, indexed by ids of a shared function
 * dictionary. A function that recurs on a stack counts once per sample in its total, exactly as pprof's cum.
 */
public final class FunctionTotals {
    private final long[] self;
    private final long[] total;
    private final long grandTotal;

    private FunctionTotals(long[] self, long[] total, long grandTotal) {
        this.self = self;
        this.total = total;
        this.grandTotal = grandTotal;
    }

    /** Aggregates per-node values ({@code nodeValues}, e.g. {@link CallTree#selfValues}) by function name. */
    public static FunctionTotals of(Profile profile, long[] nodeValues, Dictionary functions) {
        CallTree tree = profile.tree();
        int[] functionOfFrame = profile.frames().functionIds(functions);
        int n = functions.size();
        long[] self = new long[n];
        long[] total = new long[n];
        long[] inclusive = tree.subtreeTotals(nodeValues);
        int[] active = new int[n];
        TreeWalk walk = new TreeWalk(tree);
        int[] order = walk.preorder();
        int[] pathFunction = new int[order.length];
        int[] depthOf = new int[tree.size()];
        int depth = 0;
        for (int node : order) {
            if (node == CallTree.ROOT) {
                continue;
            }
            int nodeDepth = depthOf[tree.parent(node)] + 1;
            while (depth >= nodeDepth) {
                active[pathFunction[--depth]]--;
            }
            depthOf[node] = nodeDepth;
            int f = functionOfFrame[tree.frame(node)];
            self[f] += nodeValues[node];
            if (active[f]++ == 0) {
                total[f] += inclusive[node];
            }
            pathFunction[depth++] = f;
        }
        return new FunctionTotals(self, total, inclusive[CallTree.ROOT]);
    }

    /**
     * The same numbers straight from the samples, without a call tree: each sample's count goes to its leaf's function
     * (self) and once to every distinct function on its stack (total). {@code functionOfFrame} maps the samples'
     * frames to ids below {@code functionCount} ({@link FrameTable#functionIds}); a frame mapped below 0 is left out
     * of the stacks, its samples going to the frame that called it (see {@link FrameFold}).
     */
    public static FunctionTotals of(StackSamples samples, int[] functionOfFrame, int functionCount) {
        long[] self = new long[functionCount];
        long[] total = new long[functionCount];
        int[] lastSample = new int[functionCount];
        long grandTotal = 0;
        for (int sample = 0; sample < samples.size(); sample++) {
            long count = samples.count(sample);
            int start = samples.stackStart(sample);
            int end = samples.stackEnd(sample);
            grandTotal += count;
            boolean leaf = true;
            for (int i = start; i < end; i++) {
                int f = functionOfFrame[samples.frame(i)];
                if (f < 0) {
                    continue;
                }
                if (leaf) {
                    self[f] += count;
                    leaf = false;
                }
                if (lastSample[f] != sample + 1) {
                    lastSample[f] = sample + 1;
                    total[f] += count;
                }
            }
        }
        return new FunctionTotals(self, total, grandTotal);
    }

    public long self(int function) {
        return function < self.length ? self[function] : 0;
    }

    public long total(int function) {
        return function < total.length ? total[function] : 0;
    }

    /** The sum of all values of the profile (pprof's total). */
    public long grandTotal() {
        return grandTotal;
    }

    public int size() {
        return self.length;
    }
}
