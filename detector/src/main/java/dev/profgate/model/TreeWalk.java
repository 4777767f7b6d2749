package dev.profgate.model;

/** Child lists of a {@link CallTree} in compressed form and an iterative depth-first order (no recursion, any depth). */
public final class TreeWalk {
    private final int[] childStart;
    private final int[] childList;
    private final int[] preorder;

    public TreeWalk(CallTree tree) {
        int size = tree.size();
        childStart = new int[size + 1];
        for (int node = 1; node < size; node++) {
            childStart[tree.parent(node) + 1]++;
        }
        for (int i = 0; i < size; i++) {
            childStart[i + 1] += childStart[i];
        }
        childList = new int[Math.max(0, size - 1)];
        int[] fill = new int[size];
        for (int node = 1; node < size; node++) {
            int p = tree.parent(node);
            childList[childStart[p] + fill[p]++] = node;
        }
        preorder = new int[size];
        int[] stack = new int[size];
        int top = 0;
        int count = 0;
        stack[top++] = CallTree.ROOT;
        while (top > 0) {
            int node = stack[--top];
            preorder[count++] = node;
            for (int c = childStart[node + 1] - 1; c >= childStart[node]; c--) {
                stack[top++] = childList[c];
            }
        }
    }

    /** Nodes in depth-first preorder, root first; every node comes after its parent and before its siblings' subtrees. */
    public int[] preorder() {
        return preorder;
    }

    public int childCount(int node) {
        return childStart[node + 1] - childStart[node];
    }

    public int child(int node, int index) {
        return childList[childStart[node] + index];
    }
}
