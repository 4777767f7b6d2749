package dev.profgate.analysis;

/**
 * Rows (call-tree nodes or functions) that hold nearly all of both sides' samples: a program's entry frames and the
 * request handler everything runs under. The code that did not change, which sets the scale, is almost all inside
 * them, so their change relative to it measures the scale's error as much as any change of theirs; a change under
 * them is named at their callees, as it would be under the root.
 */
final class ScaleBound {
    /** The smallest share of each side's samples a row must hold to count as scale-bound. */
    static final double SHARE = 0.9;

    private ScaleBound() {
    }

    /** Which rows of {@code table} ({@code [row * R + r]}) hold at least {@link #SHARE} of both sides' samples. */
    static boolean[] of(long[] table, int rows, long[] replicateTotals, int baseReplicates) {
        int replicates = replicateTotals.length;
        long base = CountSignificance.sum(replicateTotals, 0, 0, baseReplicates);
        long head = CountSignificance.sum(replicateTotals, 0, baseReplicates, replicates);
        boolean[] bound = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            int offset = row * replicates;
            bound[row] = CountSignificance.sum(table, offset, 0, baseReplicates) >= SHARE * base
                    && CountSignificance.sum(table, offset, baseReplicates, replicates) >= SHARE * head;
        }
        return bound;
    }
}
