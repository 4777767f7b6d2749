package dev.profgate.top;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.LongIntMap;
import dev.profgate.model.Profile;
import dev.profgate.model.TreeWalk;
import java.util.Arrays;

/**
 * pprof's inline marker per function for one sample type. A call edge (caller to a different callee function) is
 * inline when every stack with a value that takes it first reaches the callee through an inlined frame; a function
 * with only inline incoming edges is {@code (inline)}, with both kinds {@code (partial-inline)}. Only functions
 * with an inlined frame somewhere can get a marker, so only their edges are followed.
 */
final class InlineLabels {
    private final int[] functionOfFrame;
    private final boolean[] everInlined;
    private final LongIntMap edgeIndex = new LongIntMap(1024);
    private final LongIntMap activeOnPath = new LongIntMap(1024);
    private int[] edgeCallee = new int[256];
    private boolean[] edgeInline = new boolean[256];
    private int edges;

    private InlineLabels(FrameTable frames, int[] functionOfFrame, int functions) {
        this.functionOfFrame = functionOfFrame;
        this.everInlined = new boolean[functions];
        for (int frame = 0; frame < frames.size(); frame++) {
            everInlined[functionOfFrame[frame]] |= frames.inlined(frame);
        }
    }

    /** Labels indexed by function id ({@code functionOfFrame} maps frames to those ids). */
    static Inlining[] of(Profile profile, int[] functionOfFrame, int functions, long[] nodeValues) {
        InlineLabels labels = new InlineLabels(profile.frames(), functionOfFrame, functions);
        if (labels.anyInlined()) {
            labels.collectEdges(profile, nodeValues);
        }
        return labels.byCallee(functions);
    }

    private boolean anyInlined() {
        for (boolean inlined : everInlined) {
            if (inlined) {
                return true;
            }
        }
        return false;
    }

    private void collectEdges(Profile profile, long[] nodeValues) {
        CallTree tree = profile.tree();
        long[] weight = tree.subtreeTotals(absolute(nodeValues));
        int[] depthOf = new int[tree.size()];
        long[] pathEdge = new long[tree.size()];
        boolean[] pathHasEdge = new boolean[tree.size()];
        int depth = 0;
        for (int node : new TreeWalk(tree).preorder()) {
            if (node == CallTree.ROOT) {
                continue;
            }
            int parent = tree.parent(node);
            depthOf[node] = depthOf[parent] + 1;
            while (depth >= depthOf[node]) {
                depth--;
                if (pathHasEdge[depth]) {
                    activeOnPath.put(pathEdge[depth], activeOnPath.get(pathEdge[depth]) - 1);
                }
            }
            int caller = parent == CallTree.ROOT ? -1 : functionOfFrame[tree.frame(parent)];
            int callee = functionOfFrame[tree.frame(node)];
            pathHasEdge[depth] = everInlined[callee] && caller >= 0 && caller != callee;
            if (pathHasEdge[depth]) {
                long edge = (long) caller << 32 | callee;
                int active = Math.max(0, activeOnPath.get(edge));
                if (active == 0 && weight[node] != 0) {
                    record(edge, callee, profile.frames().inlined(tree.frame(node)));
                }
                activeOnPath.put(edge, active + 1);
                pathEdge[depth] = edge;
            }
            depth++;
        }
    }

    private void record(long edge, int callee, boolean inlined) {
        int index = edgeIndex.get(edge);
        if (index >= 0) {
            edgeInline[index] &= inlined;
            return;
        }
        if (edges == edgeCallee.length) {
            edgeCallee = Arrays.copyOf(edgeCallee, edges * 2);
            edgeInline = Arrays.copyOf(edgeInline, edges * 2);
        }
        edgeCallee[edges] = callee;
        edgeInline[edges] = inlined;
        edgeIndex.put(edge, edges++);
    }

    private Inlining[] byCallee(int functions) {
        boolean[] inline = new boolean[functions];
        boolean[] notInline = new boolean[functions];
        for (int e = 0; e < edges; e++) {
            if (edgeInline[e]) {
                inline[edgeCallee[e]] = true;
            } else {
                notInline[edgeCallee[e]] = true;
            }
        }
        Inlining[] result = new Inlining[functions];
        for (int f = 0; f < functions; f++) {
            result[f] = !inline[f] ? Inlining.NONE : notInline[f] ? Inlining.PARTIAL : Inlining.FULL;
        }
        return result;
    }

    private static long[] absolute(long[] values) {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.abs(values[i]);
        }
        return result;
    }
}
