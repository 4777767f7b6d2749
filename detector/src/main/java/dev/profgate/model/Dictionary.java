package dev.profgate.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interns strings to dense ids 0..size-1, so hot paths compare ints, not strings. */
public final class Dictionary {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[64];
    private int size;

    /** Returns the id of {@code name}, assigning the next free id on first sight. */
    public int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        ids.put(name, size);
        return size++;
    }

    /** Returns the id of {@code name}, or -1 when it was never interned. */
    public int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    public String name(int id) {
        return names[id];
    }

    public int size() {
        return size;
    }
}
