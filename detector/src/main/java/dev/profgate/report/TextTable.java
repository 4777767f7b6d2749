package dev.profgate.report;

import dev.profgate.base.Names;
import java.util.List;

/**
 * An aligned plain-text table, indented by two spaces: the first column right-aligned (a number), the others
 * left-aligned, the last one unpadded; cells must already be printable. When the table is wider than the width it
 * must fit, the columns named as shrinkable give up characters in turn (to {@link #MIN_CELL} at least), their cells
 * elided in the middle. A painter may colour a cell after it is measured and cut.
 */
public final class TextTable {
    /** The narrowest a shrinkable column becomes. */
    static final int MIN_CELL = 16;
    private static final Painter PLAIN = (row, column, cell) -> cell;

    private TextTable() {
    }

    /** Colours cell {@code column} of row {@code row} (0 is the header); must not change its visible text. */
    @FunctionalInterface
    public interface Painter {
        /** The cell as printed. */
        String paint(int row, int column, String cell);
    }

    /** Appends {@code rows} (the header first) to {@code out}, one line each, as wide as their cells need. */
    public static void append(StringBuilder out, List<String[]> rows) {
        append(out, rows, Integer.MAX_VALUE, new int[0], PLAIN);
    }

    /**
     * Appends {@code rows} (the header first) in at most {@code width} characters a line where the
     * {@code shrinkable} columns (in the order given) can give enough, painted by {@code painter}.
     */
    public static void append(StringBuilder out, List<String[]> rows, int width, int[] shrinkable, Painter painter) {
        int[] widths = widths(rows);
        int excess = 2 + (widths.length - 1) * 2 - width;
        for (int w : widths) {
            excess += w;
        }
        for (int column : shrinkable) {
            int cut = Math.max(0, Math.min(excess, widths[column] - MIN_CELL));
            widths[column] -= cut;
            excess -= cut;
        }
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(r, rows.get(r), widths, painter)).append('\n');
        }
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

    private static String line(int row, String[] cells, int[] widths, Painter painter) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            String cell = Names.elideMiddle(cells[c], widths[c]);
            String pad = " ".repeat(widths[c] - Names.width(cell));
            line.append(c == 0 ? pad : "  ").append(painter.paint(row, c, cell));
            if (c > 0 && c < cells.length - 1) {
                line.append(pad);
            }
        }
        return line.toString().stripTrailing();
    }
}
