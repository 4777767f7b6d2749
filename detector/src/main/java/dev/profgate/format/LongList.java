package dev.profgate.format;

import java.util.Arrays;

/** A growable array of longs, one column of a decoded table. */
final class LongList {
    private long[] items = new long[16];
    private int size;

    void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    long get(int index) {
        return items[index];
    }

    int size() {
        return size;
    }
}
