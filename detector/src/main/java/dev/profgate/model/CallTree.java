package dev.profgate.model;

import java.util.Arrays;

/**
 * Stacks merged into a tree held in primitive arrays: node 0 is the root, every other node has a
 * parent (smaller index) and a frame id; each node carries its self values, one per sample type.
 */
public final class CallTree {
    public static final int ROOT = 0;

    private final int types;
    private final LongIntMap children = new LongIntMap(1024);
    private int[] parent = new int[1024];
    private int[] frame = new int[1024];
    private long[] self;
    private int size = 1;

    public CallTree(int types) {
        this.types = types;
        this.self = new long[1024 * types];
        parent[ROOT] = -1;
        frame[ROOT] = -1;
    }

    /** Returns the child of {@code node} for {@code frameId}, creating it when absent. */
    public int child(int node, int frameId) {
        long key = ((long) node << 32) | frameId;
        int child = children.get(key);
        if (child >= 0) {
            return child;
        }
        if (size == parent.length) {
            grow();
        }
        parent[size] = node;
        frame[size] = frameId;
        children.put(key, size);
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
        return parent[node];
    }

    public int frame(int node) {
        return frame[node];
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
            total[parent[node]] += total[node];
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
        for (int n = node; n != ROOT; n = parent[n]) {
            depth++;
        }
        int[] frames = new int[depth];
        for (int n = node; n != ROOT; n = parent[n]) {
            frames[--depth] = frame[n];
        }
        return frames;
    }

    private void grow() {
        int capacity = parent.length * 2;
        parent = Arrays.copyOf(parent, capacity);
        frame = Arrays.copyOf(frame, capacity);
        self = Arrays.copyOf(self, capacity * types);
    }
}
