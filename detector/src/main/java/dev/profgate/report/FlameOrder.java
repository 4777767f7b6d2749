package dev.profgate.report;

import dev.profgate.analysis.FlameTree;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of a flame graph in drawing order: preorder with each node's children sorted by function name (so the
 * layout is the same for base and head widths), each node's depth, and the children of each node. Built without
 * recursion; never changed once built.
 */
final class FlameOrder {
    private final FlameTree tree;
    private final int[] nameRank;
    private final int[] preorder;
    private final int[] depth;
    private final int[] childStart;
    private final int[] children;

    private FlameOrder(FlameTree tree, int[] nameRank, int[] childStart, int[] children) {
        this.tree = tree;
        this.nameRank = nameRank;
        this.childStart = childStart;
        this.children = children;
        int size = tree.size();
        this.preorder = new int[size];
        this.depth = new int[size];
        int[] stack = new int[size];
        int top = 0;
        int count = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            preorder[count++] = node;
            for (int i = childStart[node + 1] - 1; i >= childStart[node]; i--) {
                depth[children[i]] = depth[node] + 1;
                stack[top++] = children[i];
            }
        }
    }

    /** The order of {@code tree}. */
    static FlameOrder of(FlameTree tree) {
        int size = tree.size();
        int[] childStart = new int[size + 1];
        for (int node = 1; node < size; node++) {
            childStart[tree.parent(node) + 1]++;
        }
        for (int node = 0; node < size; node++) {
            childStart[node + 1] += childStart[node];
        }
        int[] fill = Arrays.copyOf(childStart, size);
        int[] children = new int[Math.max(0, size - 1)];
        for (int node = 1; node < size; node++) {
            children[fill[tree.parent(node)]++] = node;
        }
        int[] rank = rankNames(tree);
        long[] keys = new long[children.length];
        for (int i = 0; i < children.length; i++) {
            keys[i] = (long) rank[tree.function(children[i])] << 32 | children[i];
        }
        for (int node = 0; node < size; node++) {
            Arrays.sort(keys, childStart[node], childStart[node + 1]);
        }
        for (int i = 0; i < children.length; i++) {
            children[i] = (int) keys[i];
        }
        return new FlameOrder(tree, rank, childStart, children);
    }

    /** Per function id: the rank of its name in the sorted names. */
    private static int[] rankNames(FlameTree tree) {
        Integer[] byName = new Integer[tree.functionCount()];
        for (int f = 0; f < byName.length; f++) {
            byName[f] = f;
        }
        Arrays.sort(byName, (a, b) -> tree.functionName(a).compareTo(tree.functionName(b)));
        int[] rank = new int[byName.length];
        for (int i = 0; i < byName.length; i++) {
            rank[byName[i]] = i;
        }
        return rank;
    }

    FlameTree tree() {
        return tree;
    }

    /** Per function id: the rank of its name in the sorted names (shared, not to be changed). */
    int[] nameRanks() {
        return nameRank;
    }

    /** The nodes, parents before children, siblings by name. */
    int[] preorder() {
        return preorder;
    }

    int depth(int node) {
        return depth[node];
    }

    /**
     * The node reached from the root by following {@code path} (function names, root excluded), or -1 when the tree
     * has no such path.
     */
    int find(List<String> path) {
        int node = 0;
        for (String name : path) {
            int next = -1;
            for (int i = childStart[node]; i < childStart[node + 1] && next < 0; i++) {
                next = tree.name(children[i]).equals(name) ? children[i] : -1;
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return node;
    }
}
