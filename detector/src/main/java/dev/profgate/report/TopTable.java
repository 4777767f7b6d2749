package dev.profgate.report;

import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * pprof's {@code -top} table for one sample type of one profile: every function with a value, sorted as
 * {@code go tool pprof -top} sorts (|flat| descending, then name, then |cum| descending).
 *
 * @param shownOf how many functions had a value before {@code nodeCount} cut the list
 */
public record TopTable(String source, SampleType type, long total, long durationNanos, List<TopRow> rows,
                       int shownOf) {
    /** pprof's node order; names compare by code point, which is the byte order of Go's UTF-8 strings. */
    static final Comparator<TopRow> PPROF_ORDER = Comparator.<TopRow>comparingLong(r -> -Math.abs(r.flat()))
            .thenComparing(TopRow::function, TopTable::compareCodePoints)
            .thenComparingLong(r -> -Math.abs(r.cum()));

    public TopTable {
        rows = List.copyOf(rows);
    }

    /** The table of column {@code type}; {@code nodeCount} > 0 keeps only that many rows. */
    public static TopTable of(Profile profile, int type, int nodeCount) {
        Dictionary functions = new Dictionary();
        long[] values = profile.tree().selfValues(type);
        FunctionTotals totals = FunctionTotals.of(profile, values, functions);
        Inlining[] inlining = InlineLabels.of(profile, profile.frames().functionIds(functions), functions.size(), values);
        List<TopRow> rows = new ArrayList<>();
        for (int f = 0; f < functions.size(); f++) {
            if (totals.self(f) != 0 || totals.total(f) != 0) {
                rows.add(new TopRow(functions.name(f), totals.self(f), totals.total(f), inlining[f]));
            }
        }
        rows.sort(PPROF_ORDER);
        int shown = nodeCount > 0 ? Math.min(nodeCount, rows.size()) : rows.size();
        return new TopTable(profile.source(), profile.header().sampleTypes().get(type), totals.grandTotal(),
                profile.header().durationNanos(), rows.subList(0, shown), rows.size());
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
