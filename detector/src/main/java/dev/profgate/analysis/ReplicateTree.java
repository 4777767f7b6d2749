package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.Profile;
import java.util.Arrays;
import java.util.List;

/**
 * All replicates of both sides merged into one call tree at function granularity (a node is a path of function
 * names), with sample counts per node and replicate in one primitive array ({@code self[node * R + r]}).
 * Replicates {@code 0..m-1} are base, the rest head. Nodes are numbered in depth-first preorder from the root (0):
 * a node's subtree is the index range {@code [node, end(node))}, its first child is {@code node + 1} when it has
 * children, and the next sibling of a child {@code c} is {@code end(c)}; every loop over the tree is sequential.
 */
final class ReplicateTree {
    static final int ROOT = 0;

    private final Dictionary functions;
    private final int[] parent;
    private final int[] function;
    private final int[] subtreeSize;
    private final long[] self;
    private final int replicates;
    private final int baseReplicates;

    private ReplicateTree(Dictionary functions, int[] parent, int[] function, int[] subtreeSize, long[] self,
                          int replicates, int baseReplicates) {
        this.functions = functions;
        this.parent = parent;
        this.function = function;
        this.subtreeSize = subtreeSize;
        this.self = self;
        this.replicates = replicates;
        this.baseReplicates = baseReplicates;
    }

    /** Merges the replicates; {@code counts.get(r)} are the sample counts per node of {@code profiles.get(r)}. */
    static ReplicateTree of(List<Profile> profiles, List<long[]> counts, int baseReplicates) {
        int capacity = profiles.stream().mapToInt(p -> p.tree().size()).max().orElse(1);
        Dictionary functions = new Dictionary();
        Merge merge = new Merge(capacity);
        int[][] nodeMaps = new int[profiles.size()][];
        for (int r = 0; r < profiles.size(); r++) {
            nodeMaps[r] = merge.add(profiles.get(r), functions);
        }
        int size = merge.size;
        int[] sizes = new int[size];
        Arrays.fill(sizes, 1);
        for (int node = size - 1; node > ROOT; node--) {
            sizes[merge.parent[node]] += sizes[node];
        }
        int[] position = preorderPositions(merge.parent, sizes, size);
        int[] parent = new int[size];
        int[] function = new int[size];
        int[] subtreeSize = new int[size];
        parent[ROOT] = -1;
        function[ROOT] = -1;
        for (int node = 0; node < size; node++) {
            int p = position[node];
            subtreeSize[p] = sizes[node];
            if (node != ROOT) {
                parent[p] = position[merge.parent[node]];
                function[p] = merge.function[node];
            }
        }
        int replicates = profiles.size();
        long[] self = new long[size * replicates];
        for (int r = 0; r < replicates; r++) {
            long[] replicateCounts = counts.get(r);
            int[] map = nodeMaps[r];
            for (int node = 0; node < map.length; node++) {
                self[position[map[node]] * replicates + r] += replicateCounts[node];
            }
        }
        return new ReplicateTree(functions, parent, function, subtreeSize, self, replicates, baseReplicates);
    }

    /** Preorder index of every node; children in creation order. Parents come before children in creation order. */
    private static int[] preorderPositions(int[] parent, int[] sizes, int size) {
        int[] position = new int[size];
        int[] nextFree = new int[size];
        nextFree[ROOT] = 1;
        for (int node = 1; node < size; node++) {
            int p = parent[node];
            position[node] = nextFree[p];
            nextFree[p] += sizes[node];
            nextFree[node] = position[node] + 1;
        }
        return position;
    }

    /** Per node and replicate: the counts of the node's subtree, leaving out masked nodes (null mask: none). */
    long[] inclusive(boolean[] mask) {
        int size = parent.length;
        long[] inclusive = mask == null ? self.clone() : new long[size * replicates];
        if (mask != null) {
            for (int node = 0; node < size; node++) {
                if (!mask[node]) {
                    System.arraycopy(self, node * replicates, inclusive, node * replicates, replicates);
                }
            }
        }
        for (int node = size - 1; node > ROOT; node--) {
            int from = node * replicates;
            int to = parent[node] * replicates;
            for (int r = 0; r < replicates; r++) {
                inclusive[to + r] += inclusive[from + r];
            }
        }
        return inclusive;
    }

    /** Marks {@code node} and its whole subtree in {@code mask}. */
    void maskSubtree(int node, boolean[] mask) {
        Arrays.fill(mask, node, end(node), true);
    }

    /** True when {@code ancestor} is {@code node} or lies on its path to the root. */
    boolean contains(int ancestor, int node) {
        return ancestor <= node && node < end(ancestor);
    }

    /** Function names from the root (exclusive) to {@code node}. */
    List<String> path(int node) {
        int depth = 0;
        for (int n = node; n != ROOT; n = parent[n]) {
            depth++;
        }
        String[] names = new String[depth];
        for (int n = node; n != ROOT; n = parent[n]) {
            names[--depth] = functions.name(function[n]);
        }
        return List.of(names);
    }

    /** One past the last node of {@code node}'s subtree. */
    int end(int node) {
        return node + subtreeSize[node];
    }

    int function(int node) {
        return function[node];
    }

    int parent(int node) {
        return parent[node];
    }

    int size() {
        return parent.length;
    }

    int replicates() {
        return replicates;
    }

    int baseReplicates() {
        return baseReplicates;
    }

    Dictionary functions() {
        return functions;
    }

    long[] self() {
        return self;
    }

    /** The rows of {@code nodes} in {@code table} ({@code [node * R + r]}, as {@link #self}) summed per replicate. */
    long[] sumRows(int[] nodes, long[] table) {
        long[] sum = new long[replicates];
        for (int node : nodes) {
            for (int r = 0; r < replicates; r++) {
                sum[r] += table[node * replicates + r];
            }
        }
        return sum;
    }

    /**
     * The merge of replicate trees into one tree keyed by (parent, function), in creation order. A replicate's nodes
     * are visited in index order (parents first) with their children listed contiguously; the merged children of the
     * node they map to are looked up through arrays indexed by function ({@code owner}, {@code slot}), small enough to
     * stay in cache, instead of a hash table over all nodes.
     */
    private static final class Merge {
        private int[] parent;
        private int[] function;
        private int[] firstChild;
        private int[] nextSibling;
        private int[] owner = new int[0];
        private int[] slot = new int[0];
        private int size = 1;

        Merge(int capacity) {
            parent = new int[capacity];
            function = new int[capacity];
            firstChild = new int[capacity];
            nextSibling = new int[capacity];
            parent[ROOT] = -1;
            function[ROOT] = -1;
            firstChild[ROOT] = -1;
        }

        /** Adds one replicate's nodes; returns the merged node of each of its nodes. */
        int[] add(Profile profile, Dictionary functions) {
            CallTree tree = profile.tree();
            int[] functionOfFrame = profile.frames().functionIds(functions);
            if (owner.length < functions.size()) {
                owner = Arrays.copyOf(owner, functions.size());
                slot = Arrays.copyOf(slot, functions.size());
                Arrays.fill(owner, -1);
            }
            int n = tree.size();
            int[] childStart = new int[n];
            for (int node = 1; node < n; node++) {
                childStart[tree.parent(node)]++;
            }
            for (int i = 1; i < n; i++) {
                childStart[i] += childStart[i - 1];
            }
            int[] children = new int[Math.max(0, n - 1)];
            for (int node = n - 1; node > 0; node--) {
                children[--childStart[tree.parent(node)]] = node;
            }
            int[] map = new int[n];
            for (int node = 0; node < n; node++) {
                int from = childStart[node];
                int to = node + 1 < n ? childStart[node + 1] : n - 1;
                if (from == to) {
                    continue;
                }
                int merged = map[node];
                for (int c = firstChild[merged]; c >= 0; c = nextSibling[c]) {
                    owner[function[c]] = merged;
                    slot[function[c]] = c;
                }
                for (int i = from; i < to; i++) {
                    int child = children[i];
                    int f = functionOfFrame[tree.frame(child)];
                    if (owner[f] != merged) {
                        owner[f] = merged;
                        slot[f] = newChild(merged, f);
                    }
                    map[child] = slot[f];
                }
            }
            return map;
        }

        private int newChild(int p, int f) {
            if (size == parent.length) {
                int capacity = size + (size >> 1);
                parent = Arrays.copyOf(parent, capacity);
                function = Arrays.copyOf(function, capacity);
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
            }
            int child = size++;
            parent[child] = p;
            function[child] = f;
            firstChild[child] = -1;
            nextSibling[child] = firstChild[p];
            firstChild[p] = child;
            return child;
        }
    }
}
