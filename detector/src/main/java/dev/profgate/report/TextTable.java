package dev.profgate.report;

import dev.profgate.base.Names;
import java.util.List;

/**
 * An aligned plain-text table, indented by two spaces: the first column right-aligned (a number), the others
 * left-aligned, the last one unpadded; cells must already be printable.
 */
public final class TextTable {
    private TextTable() {
    }

    /** Appends {@code rows} (the header first) to {@code out}, one line each. */
    public static void append(StringBuilder out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        rows.forEach(r -> {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], Names.width(r[c]));
            }
        });
        rows.forEach(r -> out.append(line(r, widths)).append('\n'));
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        line.append(" ".repeat(widths[0] - Names.width(cells[0]))).append(cells[0]);
        for (int c = 1; c < cells.length; c++) {
            line.append("  ").append(cells[c]);
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - Names.width(cells[c])));
            }
        }
        return line.toString().stripTrailing();
    }
}
