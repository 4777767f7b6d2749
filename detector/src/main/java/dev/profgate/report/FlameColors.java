package dev.profgate.report;

import dev.profgate.analysis.FlameTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The colours of the differential flame graph, one rule for {@code flamegraph.svg} and {@code flamegraph.js} (which
 * gets these shades and steps in its data, {@link FlameJson}): neutral shades unless a node's change is significant;
 * red for slower, blue for faster, darker by the size of its change relative to the code that did not change
 * ({@link FlameTree#change}, in % of base's total) on a fixed scale ({@link #STEPS}), so a +25% culprit and a +0.3%
 * finding look different in every graph, and a caller whose share grew only because a callee's cost left is blue.
 */
final class FlameColors {
    /** Where each shade after the first begins: |change| as a share of base's total, 0.5, 1, 2, 5, 10 and 20%. */
    static final double[] STEPS = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2};
    /** Shades from this one on are dark enough for white text. */
    static final int WHITE_TEXT = 4;
    static final List<String> NEUTRAL = List.of("#e3e1da", "#dcd9d1", "#e8e6e0", "#dfddd6");
    static final List<String> SLOWER = shades(new int[] {247, 198, 188}, new int[] {178, 24, 43});
    static final List<String> FASTER = shades(new int[] {206, 222, 242}, new int[] {24, 78, 152});

    private final FlameTree tree;
    private final int[] nameRank;

    FlameColors(FlameTree tree, int[] nameRank) {
        this.tree = tree;
        this.nameRank = nameRank;
    }

    /** The shade of a significant change: how many {@link #STEPS} |change| reaches. */
    static int shade(double change) {
        int shade = 0;
        while (shade < STEPS.length && Math.abs(change) >= STEPS[shade]) {
            shade++;
        }
        return shade;
    }

    /** The legend's label of each shade: {@code <0.5}, then where it begins in %, the last with {@code ≥}. */
    static List<String> labels() {
        List<String> labels = new ArrayList<>();
        labels.add("<" + Formats.brief(100 * STEPS[0]));
        for (int i = 0; i < STEPS.length; i++) {
            labels.add((i == STEPS.length - 1 ? "≥" : "") + Formats.brief(100 * STEPS[i]));
        }
        return labels;
    }

    String fill(int node) {
        if (!tree.significant(node)) {
            return NEUTRAL.get(nameRank[tree.function(node)] % NEUTRAL.size());
        }
        double change = tree.change(node);
        return (change > 0 ? SLOWER : FASTER).get(shade(change));
    }

    /** True when text on {@code node} is dark (light fills), false for white text on strong colours. */
    boolean darkText(int node) {
        return !tree.significant(node) || shade(tree.change(node)) < WHITE_TEXT;
    }

    /** {@code STEPS.length + 1} colours from {@code light} to {@code dark}, the first a step above light. */
    private static List<String> shades(int[] light, int[] dark) {
        List<String> shades = new ArrayList<>();
        for (int shade = 1; shade <= STEPS.length + 1; shade++) {
            double t = (double) shade / (STEPS.length + 1);
            shades.add(String.format(Locale.ROOT, "rgb(%d,%d,%d)", mix(light[0], dark[0], t),
                    mix(light[1], dark[1], t), mix(light[2], dark[2], t)));
        }
        return List.copyOf(shades);
    }

    private static long mix(int from, int to, double t) {
        return Math.round(from + (to - from) * t);
    }
}
