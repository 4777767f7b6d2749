package dev.profgate.analysis;

/**
 * The denominators of a comparison's tests: each replicate's sample count, base first, and the head side's
 * {@code scale}, the share that the code which did not change holds in head over the share it holds in base
 * ({@link Normalization}; 1 = shares as measured), with the variance of its logarithm. A function's cost relative to
 * the unchanged code is its base share, and its head share divided by the scale.
 */
record Totals(long[] replicates, int baseReplicates, double scale, double logScaleVariance) {

    /** Shares as measured: scale 1, known exactly. */
    static Totals raw(long[] replicates, int baseReplicates) {
        return new Totals(replicates, baseReplicates, 1, 0);
    }

    /** The same replicates with another scale. */
    Totals scaled(double scale, double logScaleVariance) {
        return new Totals(replicates, baseReplicates, scale, logScaleVariance);
    }

    long base() {
        return CountTest.sum(replicates, 0, 0, baseReplicates);
    }

    long head() {
        return CountTest.sum(replicates, 0, baseReplicates, replicates.length);
    }

    int size() {
        return replicates.length;
    }

    /**
     * The totals of what is left once some samples are removed from both sides ({@code left} per replicate): the
     * unchanged code is the same, so the scale moves with the fraction of each side that is left.
     */
    Totals residual(long[] left) {
        Totals rest = new Totals(left, baseReplicates, 1, logScaleVariance);
        double kept = ((double) rest.base() / base()) / ((double) rest.head() / head());
        return rest.scaled(scale * kept, logScaleVariance);
    }
}
