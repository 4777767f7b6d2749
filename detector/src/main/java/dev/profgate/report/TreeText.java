package dev.profgate.report;

import dev.profgate.analysis.DiffNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The differential call tree drawn as text ({@code ├─ └─}), one node a line: total share base → head, the change
 * when significant ({@code ~} otherwise) and a marker on culprit frames. Iterative; indentation stops growing
 * past {@link #MAX_INDENT} levels and at most {@code maxLines} nodes are drawn, so deep or wide trees stay readable.
 */
final class TreeText {
    static final String CULPRIT_MARK = "⚠️";
    private static final int MAX_INDENT = 24;
    private static final int MAX_NAME_COLUMN = 72;

    private TreeText() {
    }

    /** The drawing of {@code root}; {@code escape} is applied to each (already printable) function name. */
    static List<String> lines(DiffNode root, UnaryOperator<String> escape, int maxLines) {
        List<Row> rows = new ArrayList<>();
        int total = 0;
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(root, "", "", 0));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            total++;
            if (rows.size() < maxLines) {
                rows.add(new Row(p.prefix + p.connector, Names.printable(name(p.node)), stats(p.node)));
            }
            pushChildren(stack, p);
        }
        return render(rows, total, escape);
    }

    private static void pushChildren(Deque<Pending> stack, Pending p) {
        List<DiffNode> children = p.node.children();
        boolean indent = p.depth > 0 && p.depth <= MAX_INDENT;
        String childPrefix = indent ? p.prefix + ("└─ ".equals(p.connector) ? "   " : "│  ") : p.prefix;
        for (int i = children.size() - 1; i >= 0; i--) {
            String connector = i == children.size() - 1 ? "└─ " : "├─ ";
            stack.push(new Pending(children.get(i), childPrefix, connector, p.depth + 1));
        }
    }

    private static List<String> render(List<Row> rows, int total, UnaryOperator<String> escape) {
        int column = 0;
        for (Row row : rows) {
            column = Math.max(column, row.width());
        }
        column = Math.min(column, MAX_NAME_COLUMN) + 2;
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(row.indent + escape.apply(row.name) + " ".repeat(Math.max(1, column - row.width())) + row.stats);
        }
        if (total > rows.size()) {
            lines.add("… " + (total - rows.size()) + " more nodes in report.json");
        }
        return lines;
    }

    private static String name(DiffNode node) {
        return node.function() == null || node.function().isEmpty() ? "(root)" : node.function();
    }

    private static String stats(DiffNode node) {
        String change = node.significant() ? Formats.signedPoints(node.delta()) + " pp" : "~";
        return String.format(Locale.ROOT, "%6s → %6s  %9s", Formats.percent(node.base()), Formats.percent(node.head()), change)
                + (node.culprit() ? " " + CULPRIT_MARK : "");
    }

    private record Pending(DiffNode node, String prefix, String connector, int depth) {
    }

    private record Row(String indent, String name, String stats) {
        int width() {
            return Names.width(indent) + Names.width(name);
        }
    }
}
