package dev.profgate.report;

import dev.profgate.base.Names;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned plain-text table, indented by two spaces: the first column right-aligned (a number), the others
 * left-aligned, the last one unpadded; cells must already be printable. A table wider than its {@link Fit} leaves
 * out its droppable columns, in turn, while shrinking the shrinkable columns but the last (the one that matters most)
 * could not make it fit; then the shrinkable columns give up characters in turn (to {@link #MIN_CELL} at least),
 * their cells elided in the middle. A painter may colour a cell
 * after it is measured and cut.
 */
public final class TextTable {
    /** The narrowest a shrinkable column becomes. */
    static final int MIN_CELL = 12;
    private static final Painter PLAIN = (row, column, cell) -> cell;

    private TextTable() {
    }

    /** The width a table must fit in, the columns that may shrink and those that may be left out (in turn). */
    public record Fit(int width, int[] shrinkable, int[] droppable) {
        /** No limit. */
        static final Fit ANY = new Fit(Integer.MAX_VALUE, new int[0], new int[0]);
    }

    /** Colours cell {@code column} of row {@code row} (0 is the header); must not change its visible text. */
    @FunctionalInterface
    public interface Painter {
        /** The cell as printed. */
        String paint(int row, int column, String cell);
    }

    /** Appends {@code rows} (the header first) to {@code out}, one line each, as wide as their cells need. */
    public static void append(StringBuilder out, List<String[]> rows) {
        append(out, rows, Fit.ANY, PLAIN);
    }

    /** Appends {@code rows} (the header first) within {@code fit} where it can, painted by {@code painter}. */
    public static void append(StringBuilder out, List<String[]> rows, Fit fit, Painter painter) {
        int[] widths = widths(rows);
        boolean[] shown = new boolean[widths.length];
        Arrays.fill(shown, true);
        long excess = 2L + (widths.length - 1) * 2L - fit.width() + Arrays.stream(widths).sum();
        int[] before = Arrays.copyOf(fit.shrinkable(), Math.max(0, fit.shrinkable().length - 1));
        for (int column : fit.droppable()) {
            if (excess <= give(widths, shown, before)) {
                break;
            }
            shown[column] = false;
            excess -= widths[column] + 2;
        }
        for (int column : fit.shrinkable()) {
            int cut = (int) Math.max(0, Math.min(excess, shown[column] ? widths[column] - MIN_CELL : 0));
            widths[column] -= cut;
            excess -= cut;
        }
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(r, rows.get(r), widths, shown, painter)).append('\n');
        }
    }

    /** How many characters the shown shrinkable columns can give up. */
    private static long give(int[] widths, boolean[] shown, int[] shrinkable) {
        return Arrays.stream(shrinkable).filter(c -> shown[c]).mapToLong(c -> Math.max(0, widths[c] - MIN_CELL)).sum();
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], Names.width(r[c]));
            }
        });
        return widths;
    }

    private static String line(int row, String[] cells, int[] widths, boolean[] shown, Painter painter) {
        StringBuilder line = new StringBuilder("  ");
        int last = cells.length - 1;
        while (last > 0 && !shown[last]) {
            last--;
        }
        for (int c = 0; c <= last; c++) {
            if (!shown[c]) {
                continue;
            }
            String cell = Names.elideMiddle(cells[c], widths[c]);
            String pad = " ".repeat(widths[c] - Names.width(cell));
            line.append(c == 0 ? pad : "  ").append(painter.paint(row, c, cell));
            if (c > 0 && c < last) {
                line.append(pad);
            }
        }
        return line.toString().stripTrailing();
    }
}
