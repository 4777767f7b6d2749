package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FlameTree;
import dev.profgate.base.Names;
import dev.profgate.rules.RuleHit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * {@code flamegraph.svg}: the differential flame graph as a static SVG (no script: readable where scripts are
 * blocked, as under Jenkins' default Content-Security-Policy), head widths, the colours of {@link FlameColors}, a
 * {@code <title>} tooltip per frame. Frames narrower than {@link #MIN_SHARE} of all head samples are left out (the
 * callees of a frame that are each that small are drawn as one, {@link FlameTree#MERGED}, where together they are
 * wide enough), and at most {@link #MAX_FRAMES} of the widest are drawn; the SVG says how many it shows.
 */
public final class FlameGraphSvg {
    /** Frames below this share of the head samples are not drawn. */
    static final double MIN_SHARE = 0.001;
    /** At most this many frames are drawn (the widest). */
    static final int MAX_FRAMES = 2000;
    private static final int WIDTH = 1200;
    private static final int MARGIN = 10;
    private static final int ROW = 17;
    private static final double CHAR_WIDTH = 6.6;
    private static final int TOP_FINDINGS = 5;
    private static final String RULE = "#e8590c";
    private static final Pattern PACKAGE = Pattern.compile("^([a-z][\\w$]*\\.){2,}(?=[A-Z])");

    private FlameGraphSvg() {
    }

    /** The SVG document of {@code data}'s flame graph, with the frames its rule hits flag marked. */
    public static String render(ReportData data) {
        Comparison comparison = data.comparison();
        FlameTree tree = comparison.flame().merged(MIN_SHARE);
        FlameOrder order = FlameOrder.of(tree);
        boolean[] shown = shownFrames(order);
        int shownCount = count(shown);
        int headerRows = 5 + Math.min(TOP_FINDINGS, comparison.findings().size()) + data.links().size();
        int top = MARGIN + headerRows * ROW + 8;
        int depth = 0;
        for (int node = 0; node < tree.size(); node++) {
            depth = shown[node] ? Math.max(depth, order.depth(node)) : depth;
        }
        int height = top + (depth + 1) * ROW + 3 * ROW;
        StringBuilder svg = new StringBuilder(256 * (shownCount + 20));
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                        + "height=\"%d\" viewBox=\"0 0 %d %d\">\n", WIDTH, height, WIDTH, height))
                .append("<style>text{font:11px Verdana,\"DejaVu Sans\",sans-serif;fill:#1f2328}"
                        + "text.w{fill:#fff}text.h{font-size:15px;font-weight:bold}text.m{fill:#59636e}text.l{fill:#0969da;text-decoration:underline}"
                        + "rect.r{stroke:" + RULE + ";stroke-width:2}</style>\n")
                .append("<defs><pattern id=\"new\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                        + "patternTransform=\"rotate(45)\"><rect width=\"1.3\" height=\"6\" fill=\"#1f2328\" "
                        + "fill-opacity=\"0.32\"/></pattern></defs>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        header(svg, data);
        frames(svg, order, shown, top, FlameMarks.of(tree, data.hits()));
        text(svg, "m", MARGIN, height - 2 * ROW + 8, "Widths: head samples. Shown: " + Formats.count(shownCount)
                + " of " + Formats.count(comparison.flame().size()) + " frames; frames narrower than " + Formats.rate(MIN_SHARE)
                + " of the head samples are left out, and at most " + Formats.count(MAX_FRAMES) + " are drawn.");
        text(svg, "m", MARGIN, height - ROW + 8, "Functions gone in head have no head width. flamegraph.html has "
                + "every frame of at least 0.01% of a side, base widths, search and zoom.");
        return svg.append("</svg>\n").toString();
    }

    private static void header(StringBuilder svg, ReportData data) {
        Comparison c = data.comparison();
        int y = MARGIN + 13;
        text(svg, "h", MARGIN, y, c.verdict().label().toUpperCase(Locale.ROOT) + " · Differential flame graph · "
                + Labels.scope(c) + " · " + Labels.counts(c));
        text(svg, "m", MARGIN, y += ROW, "What this run could see: "
                + Labels.limitsExplained(c) + ".");
        text(svg, "m", MARGIN, y += ROW, "Red: significantly slower; blue: significantly faster (q-value and effect "
                + "floors), darker for larger changes; neutral: no significant change; hatched: new in head; orange "
                + "outline: anti-pattern rule.");
        scale(svg, y += ROW);
        text(svg, "", MARGIN, y += ROW, c.findings().isEmpty() ? "No findings."
                : "Top findings (each function's test over all its call paths; a frame's tooltip tests its own path):");
        List<Finding> findings = c.findings().subList(0, Math.min(TOP_FINDINGS, c.findings().size()));
        for (Finding f : findings) {
            text(svg, "", MARGIN + 12, y += ROW, f.function() + "  " + Labels.kind(f) + "  " + Labels.change(f)
                    + "  q = " + Formats.probability(f.qValue())
                    + (data.hits(f).isEmpty() ? "" : "  ⚠ " + String.join(", ",
                            data.hits(f).stream().map(RuleHit::id).toList())));
        }
        for (ReportLink link : data.links()) {
            svg.append("<a href=\"").append(Xml.attribute(link.url())).append("\" target=\"_blank\">");
            text(svg, "l", MARGIN, y += ROW, link.label() + ": " + link.url());
            svg.append("</a>\n");
        }
    }

    /** The shades of {@link FlameColors} with the change (% of base's CPU) where each begins, slower then faster. */
    private static void scale(StringBuilder svg, int y) {
        String title = "Δ cost of a significant change, % of base:";
        text(svg, "m", MARGIN, y, title);
        double x = MARGIN + title.length() * CHAR_WIDTH + 8;
        List<String> labels = FlameColors.labels();
        for (List<String> shades : List.of(FlameColors.SLOWER, FlameColors.FASTER)) {
            for (int shade = 0; shade < shades.size(); shade++) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"11\" "
                        + "fill=\"%s\"/>", x, y - 10, shades.get(shade)));
                text(svg, "m", (int) Math.round(x + 17), y, labels.get(shade));
                x += 22 + labels.get(shade).length() * CHAR_WIDTH;
            }
            x += 16;
        }
    }

    private static void frames(StringBuilder svg, FlameOrder order, boolean[] shown, int top,
                               Map<Integer, List<RuleHit>> marks) {
        FlameTree tree = order.tree();
        FlameColors colors = new FlameColors(tree, order.nameRanks());
        double scale = (double) (WIDTH - 2 * MARGIN) / Math.max(1, tree.headTotal(0));
        double[] left = new double[tree.size()];
        double[] cursor = new double[tree.size()];
        left[0] = MARGIN;
        for (int node : order.preorder()) {
            if (node != 0) {
                int parent = tree.parent(node);
                left[node] = left[parent] + cursor[parent];
                cursor[parent] += tree.headTotal(node) * scale;
            }
            if (shown[node]) {
                frame(svg, new Frame(tree, colors, node, marks.getOrDefault(node, List.of())), left[node],
                        top + order.depth(node) * ROW, tree.headTotal(node) * scale);
            }
        }
    }

    /** One frame to draw: the node, its colours and the rules that flag it. */
    private record Frame(FlameTree tree, FlameColors colors, int node, List<RuleHit> rules) {
    }

    private static void frame(StringBuilder svg, Frame f, double x, int y, double width) {
        FlameTree tree = f.tree();
        int node = f.node();
        double inner = width > 3 ? width - 1 : width;
        boolean flagged = !f.rules().isEmpty();
        svg.append("<g><title>").append(Xml.text(FrameText.describe(tree, node, f.rules()))).append("</title>")
                .append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"%s\"%s/>", x, y, inner, ROW - 1, f.colors().fill(node), flagged ? " class=\"r\"" : ""));
        if (tree.baseTotal(node) == 0 && tree.headTotal(node) > 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"url(#new)\"/>", x, y, inner, ROW - 1));
        }
        String label = fit(tree.name(node), inner - 6 - (flagged ? 2 * CHAR_WIDTH : 0));
        if (!label.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\"%s>", x + 3, y + 12,
                    f.colors().darkText(node) ? "" : " class=\"w\"")).append(Xml.text((flagged ? "⚠ " : "") + label))
                    .append("</text>");
        }
        svg.append("</g>\n");
    }

    /** The name when it fits, else without its path and Java package, cut with an ellipsis; empty when too narrow. */
    static String fit(String name, double room) {
        int chars = (int) (room / CHAR_WIDTH);
        String printable = Names.printable(name);
        if (printable.length() <= chars) {
            return printable;
        }
        String shorter = PACKAGE.matcher(printable.substring(printable.lastIndexOf('/') + 1)).replaceFirst("");
        if (shorter.length() <= chars) {
            return shorter;
        }
        return chars < 3 ? "" : shorter.substring(0, chars - 1) + "…";
    }

    /**
     * Frames at least {@link #MIN_SHARE} wide in head, the widest {@link #MAX_FRAMES} of them (a parent is at least as
     * wide as its child and less deep, so it is never left out while its child is drawn).
     */
    private static boolean[] shownFrames(FlameOrder order) {
        FlameTree tree = order.tree();
        long floor = Math.max(1, (long) Math.ceil(MIN_SHARE * tree.headTotal(0)));
        Comparator<Integer> widestFirst = Comparator.comparingLong((Integer node) -> -tree.headTotal(node))
                .thenComparingInt(order::depth);
        boolean[] shown = new boolean[tree.size()];
        IntStream.range(0, tree.size()).filter(node -> tree.headTotal(node) >= floor).boxed().sorted(widestFirst)
                .limit(MAX_FRAMES).forEach(node -> shown[node] = true);
        return shown;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    private static void text(StringBuilder svg, String cssClass, int x, int y, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"')
                .append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"").append('>')
                .append(Xml.text(Names.printable(text))).append("</text>\n");
    }
}
