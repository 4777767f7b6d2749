package dev.profgate.analysis;

import java.util.Arrays;

/**
 * The functions on the current path of a preorder loop over a {@link ReplicateTree}, with how often each is active
 * (so a function recurring on a stack counts once): a stack of (subtree end, function), popped once the loop passes
 * a subtree's end. Memory grows with the depth, not the tree.
 */
final class PathStack {
    private int[] ends = new int[64];
    private int[] functions = new int[64];
    private int depth;

    /** Leaves every subtree that ends at or before {@code node}, decrementing its function in {@code active}. */
    void leaveBefore(int node, int[] active) {
        while (depth > 0 && node >= ends[depth - 1]) {
            active[functions[--depth]]--;
        }
    }

    /** Enters a node whose subtree ends before {@code end}, of function {@code function} (already counted active). */
    void enter(int end, int function) {
        if (depth == ends.length) {
            ends = Arrays.copyOf(ends, depth * 2);
            functions = Arrays.copyOf(functions, depth * 2);
        }
        ends[depth] = end;
        functions[depth++] = function;
    }

    /** Leaves every subtree still on the stack. */
    void clear(int[] active) {
        while (depth > 0) {
            active[functions[--depth]]--;
        }
    }
}
