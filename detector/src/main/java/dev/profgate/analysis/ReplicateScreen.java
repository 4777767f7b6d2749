package dev.profgate.analysis;

import java.util.Arrays;

/**
 * Finds replicates whose whole function composition differs from the rest of their side far more than the
 * replicates differ from each other: on real JFR recordings one window sometimes catches a JIT recompilation that
 * moves most samples of a few large functions to another frame. Such a replicate is left out rather than allowed to
 * inflate every function's dispersion. See docs/statistics.md.
 */
final class ReplicateScreen {
    /** A replicate is an outlier when its composition statistic exceeds this many times the median of all replicates. */
    static final double FACTOR = 5;
    /** A side needs at least this many replicates before any is screened (with two, neither is the odd one). */
    static final int MIN_REPLICATES = 3;

    private ReplicateScreen() {
    }

    /** One composition statistic per replicate, base first, and which replicates are outliers. */
    record Result(double[] statistics, boolean[] outliers) {
        boolean any() {
            for (boolean outlier : outliers) {
                if (outlier) {
                    return true;
                }
            }
            return false;
        }

        double median() {
            return DispersionPrior.median(statistics);
        }
    }

    /**
     * Pearson statistic of each replicate's self counts against its side's pooled shares, over the functions that
     * average {@link CountSignificance#PRIOR_MIN_COUNT} samples per replicate inside and outside them; a side never loses
     * half or more of its replicates.
     */
    static Result screen(FunctionCounts counts, int baseReplicates) {
        long[] totals = counts.replicateTotals();
        int replicates = totals.length;
        double[] statistics = new double[replicates];
        addSide(counts, 0, baseReplicates, statistics);
        addSide(counts, baseReplicates, replicates, statistics);
        double threshold = FACTOR * DispersionPrior.median(statistics);
        boolean[] outliers = new boolean[replicates];
        flagSide(statistics, threshold, 0, baseReplicates, outliers);
        flagSide(statistics, threshold, baseReplicates, replicates, outliers);
        return new Result(statistics, outliers);
    }

    private static void addSide(FunctionCounts counts, int from, int to, double[] statistics) {
        long[] self = counts.self();
        long[] totals = counts.replicateTotals();
        int replicates = totals.length;
        long all = CountSignificance.sum(totals, 0, 0, replicates);
        long sideTotal = CountSignificance.sum(totals, 0, from, to);
        for (int f = 0; f < counts.functionCount(); f++) {
            int offset = f * replicates;
            long count = CountSignificance.sum(self, offset, 0, replicates);
            double share = (double) CountSignificance.sum(self, offset, from, to) / sideTotal;
            if (Math.min(count, all - count) < CountSignificance.PRIOR_MIN_COUNT * replicates || share == 0 || share == 1) {
                continue;
            }
            for (int r = from; r < to; r++) {
                double residual = self[offset + r] - totals[r] * share;
                statistics[r] += residual * residual / (totals[r] * share * (1 - share));
            }
        }
    }

    private static void flagSide(double[] statistics, double threshold, int from, int to, boolean[] outliers) {
        int flagged = 0;
        for (int r = from; r < to; r++) {
            outliers[r] = to - from >= MIN_REPLICATES && statistics[r] > threshold;
            flagged += outliers[r] ? 1 : 0;
        }
        if (2 * flagged >= to - from) {
            Arrays.fill(outliers, from, to, false);
        }
    }
}
