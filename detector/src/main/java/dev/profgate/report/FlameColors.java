package dev.profgate.report;

import dev.profgate.analysis.FlameTree;
import java.util.Locale;

/**
 * The colours of the differential flame graph (the same rule as in {@code flamegraph.js}): neutral shades unless a
 * node's change is significant; red for slower, blue for faster, in {@link #LEVELS} steps by the square root of
 * |delta| relative to the largest significant |delta|.
 */
final class FlameColors {
    static final int LEVELS = 16;
    private static final String[] NEUTRAL = {"#e3e1da", "#dcd9d1", "#e8e6e0", "#dfddd6"};
    private static final int[][] SLOWER = {{249, 211, 204}, {198, 40, 40}};
    private static final int[][] FASTER = {{207, 224, 243}, {31, 95, 168}};

    private final FlameTree tree;
    private final int[] nameRank;
    private final double maxSignificant;

    FlameColors(FlameTree tree, int[] nameRank) {
        this.tree = tree;
        this.nameRank = nameRank;
        double max = 0;
        for (int node = 1; node < tree.size(); node++) {
            if (tree.significant(node)) {
                max = Math.max(max, Math.abs(delta(tree, node)));
            }
        }
        this.maxSignificant = max;
    }

    /** Head share minus base share of {@code node}'s total. */
    static double delta(FlameTree tree, int node) {
        return share(tree.headTotal(node), tree.headTotal(0)) - share(tree.baseTotal(node), tree.baseTotal(0));
    }

    private static double share(long count, long total) {
        return (double) count / Math.max(1, total);
    }

    String fill(int node) {
        if (!tree.significant(node) || maxSignificant == 0) {
            return NEUTRAL[nameRank[tree.function(node)] % NEUTRAL.length];
        }
        double delta = delta(tree, node);
        int[][] scale = delta > 0 ? SLOWER : FASTER;
        return mix(scale[0], scale[1], (double) level(delta) / LEVELS);
    }

    /** True when text on {@code node} is dark (light fills), false for white text on strong colours. */
    boolean darkText(int node) {
        return !tree.significant(node) || maxSignificant == 0 || level(delta(tree, node)) - 1 < LEVELS * 0.55;
    }

    private int level(double delta) {
        return Math.max(1, (int) Math.ceil(LEVELS * Math.sqrt(Math.min(1, Math.abs(delta) / maxSignificant))));
    }

    private static String mix(int[] from, int[] to, double t) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", Math.round(from[0] + (to[0] - from[0]) * t),
                Math.round(from[1] + (to[1] - from[1]) * t), Math.round(from[2] + (to[2] - from[2]) * t));
    }
}
