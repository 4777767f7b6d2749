package dev.profgate.model;

import java.util.Arrays;

/**
 * Timestamped samples (leaf node, time, values per type), kept where a format has them so a profile can be split by
 * time. When present, it holds every sample of its profile's tree: the tree is the timeline summed per node.
 */
public final class Timeline {
    private final int types;
    private int[] node = new int[1024];
    private long[] time = new long[1024];
    private long[] values;
    private int size;

    public Timeline(int types) {
        this.types = types;
        this.values = new long[1024 * types];
    }

    /** Appends a sample with all values 0 and returns its index; {@link #set} fills its values. */
    public int add(int leaf, long timeNanos) {
        if (size == node.length) {
            node = Arrays.copyOf(node, size * 2);
            time = Arrays.copyOf(time, size * 2);
            values = Arrays.copyOf(values, size * 2 * types);
        }
        node[size] = leaf;
        time[size] = timeNanos;
        return size++;
    }

    public void add(int leaf, long timeNanos, int type, long value) {
        set(add(leaf, timeNanos), type, value);
    }

    public void set(int sample, int type, long value) {
        values[sample * types + type] = value;
    }

    public int size() {
        return size;
    }

    public int node(int sample) {
        return node[sample];
    }

    public long time(int sample) {
        return time[sample];
    }

    public long value(int sample, int type) {
        return values[sample * types + type];
    }

    /** This timeline with each sample moved to node {@code map[node]}; a sample mapped below 0 is dropped. */
    public Timeline remapped(int[] map) {
        Timeline kept = new Timeline(types);
        for (int s = 0; s < size; s++) {
            int to = map[node[s]];
            if (to >= 0) {
                int sample = kept.add(to, time[s]);
                System.arraycopy(values, s * types, kept.values, sample * types, types);
            }
        }
        return kept;
    }
}
