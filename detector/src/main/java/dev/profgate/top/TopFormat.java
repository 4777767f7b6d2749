package dev.profgate.top;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;

/** How {@code profgate top} prints a {@link TopTable}. */
public enum TopFormat {
    /** An aligned table like {@code go tool pprof -top}: flat, flat%, sum%, cum, cum%, function. */
    TEXT {
        @Override
        public void write(TopTable table, PrintWriter out) {
            out.println("Source: " + table.source());
            out.println("Type: " + table.type().type());
            if (table.durationNanos() > 0) {
                out.println("Duration: " + ValueText.of(table.durationNanos(), "nanoseconds"));
            }
            long shown = table.rows().stream().mapToLong(TopRow::flat).sum();
            out.println("Showing " + table.rows().size() + " of " + table.functionCount()
                    + " functions, accounting for " + value(table, shown) + ", " + percentage(table, shown).trim() + " of "
                    + value(table, table.total()) + " total");
            out.printf(Locale.ROOT, "%10s %5s%% %5s%% %10s %5s%%%n", "flat", "flat", "sum", "cum", "cum");
            long sum = 0;
            for (TopRow row : table.rows()) {
                sum += row.flat();
                String label = row.inlining() == Inlining.NONE ? "" : " " + row.inlining().pprofLabel();
                out.printf(Locale.ROOT, "%10s %s %s %10s %s  %s%s%n", value(table, row.flat()),
                        percentage(table, row.flat()), percentage(table, sum), value(table, row.cum()),
                        percentage(table, row.cum()), row.function(), label);
            }
        }

        private String value(TopTable table, long value) {
            return ValueText.of(value, table.type().unit());
        }

        private String percentage(TopTable table, long value) {
            return ValueText.percentage(value, table.total());
        }
    },
    /**
     * Tab-separated {@code function, flat, cum} in raw units, the format of the reference files made from
     * {@code go tool pprof -top}: they drop pprof's {@code (inline)} marker and keep {@code (partial-inline)}.
     */
    TSV {
        @Override
        public void write(TopTable table, PrintWriter out) {
            out.print("function\tflat\tcum\n");
            for (TopRow row : table.rows()) {
                out.print(row.function());
                if (row.inlining() == Inlining.PARTIAL) {
                    out.print(' ');
                    out.print(row.inlining().pprofLabel());
                }
                out.print('\t');
                out.print(row.flat());
                out.print('\t');
                out.print(row.cum());
                out.print('\n');
            }
        }
    },
    /** A JSON object: source, type, unit, total and the rows (function, flat, cum, inline). */
    JSON {
        @Override
        public void write(TopTable table, PrintWriter out) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode()
                    .put("source", table.source())
                    .put("type", table.type().type())
                    .put("unit", table.type().unit())
                    .put("total", table.total());
            ArrayNode rows = root.putArray("functions");
            for (TopRow row : table.rows()) {
                rows.addObject().put("function", row.function()).put("flat", row.flat()).put("cum", row.cum())
                        .put("inline", row.inlining().name().toLowerCase(Locale.ROOT));
            }
            out.println(root.toPrettyString());
        }
    };

    public abstract void write(TopTable table, PrintWriter out);
}
