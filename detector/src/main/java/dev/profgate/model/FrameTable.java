package dev.profgate.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interned frames of one profile: a function name, a source file and a line, each frame an int id. */
public final class FrameTable {
    private final Dictionary strings = new Dictionary();
    private final Map<Key, Integer> ids = new HashMap<>();
    private int[] function = new int[256];
    private int[] file = new int[256];
    private int[] line = new int[256];
    private int size;

    private record Key(int function, int file, int line) {
    }

    /** Returns the id of the frame, interning it on first sight; file may be empty, line 0 when unknown. */
    public int intern(String functionName, String fileName, int lineNumber) {
        Key key = new Key(strings.intern(functionName), strings.intern(fileName), lineNumber);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (size == function.length) {
            function = Arrays.copyOf(function, size * 2);
            file = Arrays.copyOf(file, size * 2);
            line = Arrays.copyOf(line, size * 2);
        }
        function[size] = key.function;
        file[size] = key.file;
        line[size] = lineNumber;
        ids.put(key, size);
        return size++;
    }

    public String function(int frame) {
        return strings.name(function[frame]);
    }

    public String file(int frame) {
        return strings.name(file[frame]);
    }

    public int line(int frame) {
        return line[frame];
    }

    public int size() {
        return size;
    }

    /** Maps every frame to the id of its function name in {@code functions} (shared across profiles). */
    public int[] functionIds(Dictionary functions) {
        int[] byName = new int[strings.size()];
        Arrays.fill(byName, -1);
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            int name = function[i];
            if (byName[name] < 0) {
                byName[name] = functions.intern(strings.name(name));
            }
            result[i] = byName[name];
        }
        return result;
    }
}
