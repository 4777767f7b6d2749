package dev.profgate.report;

import dev.profgate.analysis.DiffNode;
import dev.profgate.base.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The differential call tree drawn as text ({@code ├─ └─}), one node a line: total share base → head, the change
 * relative to the code that did not change when significant, in % of base's total, as the findings' Δ cost ({@code ~}
 * otherwise: a caller whose share grew only because a fix took cost out of the profile did not get slower), and a
 * marker on culprit frames. Only the root and the paths to significant
 * or culprit frames are drawn, under short names ({@link ShortName}), elided in the middle where a row would push the
 * columns out of line. Iterative; indentation stops growing past {@link #MAX_INDENT} levels and at most
 * {@code maxLines} nodes are drawn, so deep or wide trees stay readable.
 */
final class TreeText {
    static final String CULPRIT_MARK = "⚠️";
    /** The widest the name column gets (with its indentation), so a line fits GitHub's comment box. */
    static final int MAX_NAME_COLUMN = 80;
    /** The fewest characters of a name kept when a deep row's name is elided to keep the columns aligned. */
    private static final int MIN_NAME = 20;
    /** Indentation (3 characters a level) stops growing here, leaving the deepest names {@link #MIN_NAME} characters. */
    private static final int MAX_INDENT = (MAX_NAME_COLUMN - MIN_NAME) / 3 - 1;

    private TreeText() {
    }

    /** The drawing of {@code root}; {@code escape} is applied to each (already printable) function name. */
    static List<String> lines(DiffNode root, UnaryOperator<String> escape, int maxLines) {
        List<DiffNode> all = preorder(root);
        Set<DiffNode> shown = shown(all);
        List<Row> rows = new ArrayList<>();
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(root, "", "", 0));
        while (!stack.isEmpty() && rows.size() < maxLines) {
            Pending p = stack.pop();
            rows.add(new Row(p.prefix + p.connector, Names.printable(ShortName.of(name(p.node))), stats(p.node)));
            pushChildren(stack, p, shown);
        }
        return render(rows, all.size() - rows.size(), escape);
    }

    /** The nodes that are significant or culprits, or have such a descendant (by identity: records hash deeply). */
    private static Set<DiffNode> shown(List<DiffNode> preorder) {
        Set<DiffNode> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = preorder.size() - 1; i >= 0; i--) {
            DiffNode node = preorder.get(i);
            if (node.significant() || node.culprit() || node.children().stream().anyMatch(shown::contains)) {
                shown.add(node);
            }
        }
        return shown;
    }

    private static List<DiffNode> preorder(DiffNode root) {
        List<DiffNode> order = new ArrayList<>();
        Deque<DiffNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            DiffNode node = stack.pop();
            order.add(node);
            node.children().forEach(stack::push);
        }
        return order;
    }

    private static void pushChildren(Deque<Pending> stack, Pending p, Set<DiffNode> shown) {
        List<DiffNode> children = p.node.children().stream().filter(shown::contains).toList();
        boolean indent = p.depth > 0 && p.depth <= MAX_INDENT;
        String childPrefix = indent ? p.prefix + ("└─ ".equals(p.connector) ? "   " : "│  ") : p.prefix;
        for (int i = children.size() - 1; i >= 0; i--) {
            String connector = i == children.size() - 1 ? "└─ " : "├─ ";
            stack.push(new Pending(children.get(i), childPrefix, connector, p.depth + 1));
        }
    }

    private static List<String> render(List<Row> rows, int hidden, UnaryOperator<String> escape) {
        int column = 0;
        for (Row row : rows) {
            column = Math.max(column, Math.min(row.width(), MAX_NAME_COLUMN));
        }
        column += 2;
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            String name = Names.elideMiddle(row.name, column - 2 - Names.width(row.indent));
            lines.add(row.indent + escape.apply(name) + " ".repeat(column - Names.width(row.indent) - Names.width(name))
                    + row.stats);
        }
        if (hidden > 0) {
            lines.add("… " + hidden + " more nodes in report.json");
        }
        return lines;
    }

    private static String name(DiffNode node) {
        return node.function() == null || node.function().isEmpty() ? "(root)" : node.function();
    }

    private static String stats(DiffNode node) {
        String change = node.significant() ? Formats.signedPoints(node.change()) + "%" : "~";
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
