package dev.profgate.format;

import java.util.Arrays;

/** The supported events of a recording in arrival order, in primitive arrays: type, leaf node, start time, value. */
final class JfrEventLog {
    private static final JfrEvent[] EVENTS = JfrEvent.values();

    private final int[] countByType = new int[EVENTS.length];
    private byte[] type = new byte[1024];
    private int[] leaf = new int[1024];
    private long[] time = new long[1024];
    private long[] value = new long[1024];
    private int size;
    private long firstTime = Long.MAX_VALUE;
    private long lastTime = Long.MIN_VALUE;

    void add(JfrEvent event, int leafNode, long timeNanos, long eventValue) {
        if (size == type.length) {
            int capacity = size * 2;
            type = Arrays.copyOf(type, capacity);
            leaf = Arrays.copyOf(leaf, capacity);
            time = Arrays.copyOf(time, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        type[size] = (byte) event.ordinal();
        leaf[size] = leafNode;
        time[size] = timeNanos;
        value[size] = eventValue;
        countByType[event.ordinal()]++;
        firstTime = Math.min(firstTime, timeNanos);
        lastTime = Math.max(lastTime, timeNanos);
        size++;
    }

    /** Start time of the earliest event (Long.MAX_VALUE when empty). */
    long firstTime() {
        return firstTime;
    }

    long lastTime() {
        return lastTime;
    }

    int size() {
        return size;
    }

    int count(JfrEvent event) {
        return countByType[event.ordinal()];
    }

    JfrEvent type(int index) {
        return EVENTS[type[index]];
    }

    int leaf(int index) {
        return leaf[index];
    }

    long time(int index) {
        return time[index];
    }

    long value(int index) {
        return value[index];
    }
}
