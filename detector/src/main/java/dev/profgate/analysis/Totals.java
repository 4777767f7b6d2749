package dev.profgate.analysis;

/**
 * The denominators of a comparison's tests: each replicate's sample count, base first, and the head side's
 * {@code scale}, the share that the code which did not change holds in head over the share it holds in base
 * ({@link Normalization}; 1 = shares as measured), with the variance of its logarithm. A function's cost relative to
 * the unchanged code is its base share, and its head share divided by the scale. The sides' sums are kept, as every
 * test of a comparison divides by them.
 */
final class Totals {
    private final long[] replicates;
    private final int baseReplicates;
    private final double scale;
    private final double logScaleVariance;
    private final long base;
    private final long head;

    Totals(long[] replicates, int baseReplicates, double scale, double logScaleVariance) {
        this.replicates = replicates;
        this.baseReplicates = baseReplicates;
        this.scale = scale;
        this.logScaleVariance = logScaleVariance;
        this.base = CountSignificance.sum(replicates, 0, 0, baseReplicates);
        this.head = CountSignificance.sum(replicates, 0, baseReplicates, replicates.length);
    }

    /** Shares as measured: scale 1, known exactly. */
    static Totals raw(long[] replicates, int baseReplicates) {
        return new Totals(replicates, baseReplicates, 1, 0);
    }

    /** The same replicates with another scale. */
    Totals scaled(double scale, double logScaleVariance) {
        return new Totals(replicates, baseReplicates, scale, logScaleVariance);
    }

    /** Samples per replicate, base first. */
    long[] replicates() {
        return replicates;
    }

    int baseReplicates() {
        return baseReplicates;
    }

    double scale() {
        return scale;
    }

    double logScaleVariance() {
        return logScaleVariance;
    }

    /** The base side's samples. */
    long base() {
        return base;
    }

    /** The head side's samples. */
    long head() {
        return head;
    }

    int size() {
        return replicates.length;
    }

    /**
     * The totals of what is left once some samples are removed from both sides ({@code left} per replicate): the
     * unchanged code is the same, so the scale moves with the fraction of each side that is left.
     */
    Totals residual(long[] left) {
        Totals rest = raw(left, baseReplicates);
        double kept = ((double) rest.base() / base) / ((double) rest.head() / head);
        return rest.scaled(scale * kept, logScaleVariance);
    }
}
