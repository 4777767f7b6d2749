package dev.profgate.top;

import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import java.util.ArrayList;
import java.util.List;

/**
 * pprof's {@code -top} table for one sample type of one profile: every function with a value, sorted as
 * {@code go tool pprof -top} sorts (|flat| descending, then name, then |cum| descending).
 *
 * @param functionCount how many functions had a value before {@code nodeCount} cut the list
 */
public record TopTable(String source, SampleType type, long total, long durationNanos, List<TopRow> rows,
                       int functionCount) {

    public TopTable {
        rows = List.copyOf(rows);
    }

    /** The table of column {@code type}; {@code nodeCount} > 0 keeps only that many rows. */
    public static TopTable of(Profile profile, int type, int nodeCount) {
        Dictionary functions = new Dictionary();
        long[] values = profile.tree().selfValues(type);
        FunctionTotals totals = FunctionTotals.of(profile, values, functions);
        int[] functionOfFrame = profile.frames().functionIds(functions);
        Inlining[] inlining = InlineLabels.of(profile, functionOfFrame, functions.size(), values);
        List<TopRow> rows = new ArrayList<>();
        for (int f = 0; f < functions.size(); f++) {
            if (totals.self(f) != 0 || totals.total(f) != 0) {
                rows.add(new TopRow(functions.name(f), totals.self(f), totals.total(f), inlining[f]));
            }
        }
        rows.sort(TopTable::pprofOrder);
        int shown = nodeCount > 0 ? Math.min(nodeCount, rows.size()) : rows.size();
        return new TopTable(profile.source(), profile.header().sampleTypes().get(type), totals.grandTotal(),
                profile.header().durationNanos(), rows.subList(0, shown), rows.size());
    }

    /** pprof's node order; names compare by code point, which is the byte order of Go's UTF-8 strings. */
    static int pprofOrder(TopRow a, TopRow b) {
        int byFlat = Long.compare(Math.abs(b.flat()), Math.abs(a.flat()));
        if (byFlat != 0) {
            return byFlat;
        }
        int byName = compareCodePoints(a.function(), b.function());
        return byName != 0 ? byName : Long.compare(Math.abs(b.cum()), Math.abs(a.cum()));
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF so UTF-16 units compare in code point order. */
    private static int codePointRank(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        return c >= 0xD800 ? c + 0x2000 : c;
    }
}
