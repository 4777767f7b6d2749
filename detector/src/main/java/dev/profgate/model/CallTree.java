package dev.profgate.model;

import java.util.Arrays;

/**
 * Stacks merged into a tree held in primitive arrays: node 0 is the root, every other node has a
 * parent (smaller index) and a frame id; each node carries its self values, one per sample type.
 * A node's parent and frame sit side by side, and the child lookup is an open-addressing table of bare node ids
 * keyed by that pair, so a node costs 16 to 24 bytes besides its values.
 */
public final class CallTree {
    public static final int ROOT = 0;
    private static final int EMPTY = ROOT;

    private final int types;
    private int[] links;
    private long[] self;
    private int[] index;
    private int size = 1;

    public CallTree(int types) {
        this(types, 1024);
    }

    /** A tree sized for about {@code expectedNodes} nodes, so building it does not repeatedly regrow its tables. */
    public CallTree(int types, int expectedNodes) {
        int capacity = Math.max(16, expectedNodes);
        this.types = types;
        this.links = new int[capacity * 2];
        this.self = new long[capacity * types];
        this.index = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
        links[0] = -1;
        links[1] = -1;
    }

    /** Returns the child of {@code node} for {@code frameId}, creating it when absent. */
    public int child(int node, int frameId) {
        int mask = index.length - 1;
        int slot = hash(node, frameId) & mask;
        for (int candidate = index[slot]; candidate != EMPTY; candidate = index[slot]) {
            if (links[candidate * 2] == node && links[candidate * 2 + 1] == frameId) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        if (size * 2 == links.length) {
            grow();
        }
        links[size * 2] = node;
        links[size * 2 + 1] = frameId;
        if (size * 2 >= index.length) {
            rebuildIndex(index.length * 2);
        } else {
            index[slot] = size;
        }
        return size++;
    }

    /** Adds a stack given leaf first ({@code frames[0]} is the leaf) and returns its leaf node. */
    public int addStack(int[] frames, int length) {
        int node = ROOT;
        for (int i = length - 1; i >= 0; i--) {
            node = child(node, frames[i]);
        }
        return node;
    }

    public void addSelf(int node, int type, long value) {
        self[node * types + type] += value;
    }

    public long self(int node, int type) {
        return self[node * types + type];
    }

    public int parent(int node) {
        return links[node * 2];
    }

    public int frame(int node) {
        return links[node * 2 + 1];
    }

    public int size() {
        return size;
    }

    public int types() {
        return types;
    }

    /** Self values of one sample type, one per node. */
    public long[] selfValues(int type) {
        long[] result = new long[size];
        for (int node = 0; node < size; node++) {
            result[node] = self[node * types + type];
        }
        return result;
    }

    /** Self values summed over each node's subtree (the node's inclusive value), indexed by node. */
    public long[] subtreeTotals(long[] selfValues) {
        long[] total = selfValues.clone();
        for (int node = size - 1; node > ROOT; node--) {
            total[links[node * 2]] += total[node];
        }
        return total;
    }

    /** Sum of one sample type over the whole tree. */
    public long total(int type) {
        long sum = 0;
        for (int node = 0; node < size; node++) {
            sum += self[node * types + type];
        }
        return sum;
    }

    /** Frames from the root to {@code node}, root first. */
    public int[] path(int node) {
        int depth = 0;
        for (int n = node; n != ROOT; n = parent(n)) {
            depth++;
        }
        int[] frames = new int[depth];
        for (int n = node; n != ROOT; n = parent(n)) {
            frames[--depth] = frame(n);
        }
        return frames;
    }

    private void grow() {
        int capacity = links.length;
        links = Arrays.copyOf(links, capacity * 2);
        self = Arrays.copyOf(self, capacity * types);
    }

    /** Re-inserts every node (including the one just added at {@code size}) into a table of {@code capacity} slots. */
    private void rebuildIndex(int capacity) {
        index = new int[capacity];
        int mask = capacity - 1;
        for (int node = 1; node <= size; node++) {
            int slot = hash(links[node * 2], links[node * 2 + 1]) & mask;
            while (index[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            index[slot] = node;
        }
    }

    private static int hash(int node, int frameId) {
        long h = (((long) node << 32) | (frameId & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
