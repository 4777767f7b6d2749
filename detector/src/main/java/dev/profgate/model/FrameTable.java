package dev.profgate.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Interned frames of one profile: a function name, a source file, a line and whether the frame was inlined into
 * its caller (as pprof's inline lines and JFR's inlined frames tell), each frame an int id.
 */
public final class FrameTable {
    private final Dictionary strings = new Dictionary();
    private final Map<Key, Integer> ids = new HashMap<>();
    private int[] function = new int[256];
    private int[] file = new int[256];
    private int[] line = new int[256];
    private boolean[] inlined = new boolean[256];
    private int size;

    /** Hand-written equals and hashCode: a record's generated ones cost ~80 ms of bootstrap in a fresh JVM. */
    private record Key(int function, int file, int line, boolean inlined) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && function == k.function && file == k.file && line == k.line
                    && inlined == k.inlined;
        }

        @Override
        public int hashCode() {
            return ((function * 31 + file) * 31 + line) * 2 + (inlined ? 1 : 0);
        }
    }

    /** Returns the id of a frame that was not inlined; file may be empty, line 0 when unknown. */
    public int intern(String functionName, String fileName, int lineNumber) {
        return intern(functionName, fileName, lineNumber, false);
    }

    /** Returns the id of the frame, interning it on first sight; file may be empty, line 0 when unknown. */
    public int intern(String functionName, String fileName, int lineNumber, boolean inlinedFrame) {
        Key key = new Key(strings.intern(functionName), strings.intern(fileName), lineNumber, inlinedFrame);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (size == function.length) {
            function = Arrays.copyOf(function, size * 2);
            file = Arrays.copyOf(file, size * 2);
            line = Arrays.copyOf(line, size * 2);
            inlined = Arrays.copyOf(inlined, size * 2);
        }
        function[size] = key.function;
        file[size] = key.file;
        line[size] = lineNumber;
        inlined[size] = inlinedFrame;
        ids.put(key, size);
        return size++;
    }

    /** The id in this table of every frame of {@code other}, each interned as it is there. */
    public int[] internAll(FrameTable other) {
        int[] ids = new int[other.size];
        for (int f = 0; f < ids.length; f++) {
            ids[f] = intern(other.function(f), other.file(f), other.line(f), other.inlined(f));
        }
        return ids;
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

    /** True when the frame was inlined into its caller (no call instruction between them). */
    public boolean inlined(int frame) {
        return inlined[frame];
    }

    public int size() {
        return size;
    }

    /**
     * A copy with every function and file name passed through {@code rename} (each distinct name once). Frame ids
     * stay as they are, so a call tree over this table still fits; frames renamed alike become look-alikes, which
     * everything that works by function name treats as one function.
     */
    public FrameTable renamed(UnaryOperator<String> rename) {
        FrameTable copy = new FrameTable();
        int[] renamedString = new int[strings.size()];
        for (int s = 0; s < renamedString.length; s++) {
            renamedString[s] = copy.strings.intern(rename.apply(strings.name(s)));
        }
        copy.function = new int[function.length];
        copy.file = new int[file.length];
        copy.line = line.clone();
        copy.inlined = inlined.clone();
        copy.size = size;
        for (int i = 0; i < size; i++) {
            copy.function[i] = renamedString[function[i]];
            copy.file[i] = renamedString[file[i]];
            copy.ids.putIfAbsent(new Key(copy.function[i], copy.file[i], line[i], inlined[i]), i);
        }
        return copy;
    }

    /** Which frames' function names satisfy {@code function}, per frame id (each distinct name tested once). */
    public boolean[] matching(Predicate<String> function) {
        byte[] byName = new byte[strings.size()];
        boolean[] result = new boolean[size];
        for (int i = 0; i < size; i++) {
            int name = this.function[i];
            if (byName[name] == 0) {
                byName[name] = (byte) (function.test(strings.name(name)) ? 1 : 2);
            }
            result[i] = byName[name] == 1;
        }
        return result;
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
