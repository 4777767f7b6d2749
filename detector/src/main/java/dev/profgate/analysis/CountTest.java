package dev.profgate.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The primary test: a function's sample count in replicate {@code r} is over-dispersed binomial of the replicate's
 * total {@code N_r}. Replicates {@code 0..m-1} are base, {@code m..m+n-1} head; a feature's counts are
 * {@code counts[offset + r]}. See docs/statistics.md for the formulas.
 */
final class CountTest {
    /** A feature informs the dispersion prior when it and its complement average at least this many samples per replicate. */
    static final double PRIOR_MIN_COUNT = 5;

    private final int baseReplicates;
    private final int headReplicates;
    private final DispersionPrior prior;
    private final double fixedDispersion;
    private final RealDistribution reference;
    private final double critical;
    private final RealDistribution ownReference;
    private final double ownCritical;

    private CountTest(int baseReplicates, int headReplicates, DispersionPrior prior, double fixedDispersion) {
        this.baseReplicates = baseReplicates;
        this.headReplicates = headReplicates;
        this.prior = prior;
        this.fixedDispersion = fixedDispersion;
        double df = prior == null ? Double.POSITIVE_INFINITY : prior.df() + residualDf();
        this.reference = Double.isInfinite(df) ? new NormalDistribution(null, 0, 1) : new TDistribution(null, df);
        this.critical = reference.inverseCumulativeProbability(0.975);
        this.ownReference = residualDf() > 0 ? new TDistribution(null, residualDf()) : reference;
        this.ownCritical = ownReference.inverseCumulativeProbability(0.975);
    }

    /** The shrunk-dispersion test; needs {@code m + n > 2} replicates. */
    static CountTest withPrior(int baseReplicates, int headReplicates, DispersionPrior prior) {
        return new CountTest(baseReplicates, headReplicates, prior, Double.NaN);
    }

    /** The fallback for one replicate per side: a fixed over-dispersion factor and the normal distribution. */
    static CountTest withFixedDispersion(int baseReplicates, int headReplicates, double dispersion) {
        return new CountTest(baseReplicates, headReplicates, null, dispersion);
    }

    /** One tested change: pooled shares per side, delta = head - base, its 95% interval, p-value and the dispersion used. */
    record Result(double base, double head, double delta, Interval ci, double pValue, double dispersion) {
    }

    int baseReplicates() {
        return baseReplicates;
    }

    int headReplicates() {
        return headReplicates;
    }

    /** The fitted dispersion prior, or null in the fixed-dispersion fallback. */
    DispersionPrior prior() {
        return prior;
    }

    int residualDf() {
        return baseReplicates + headReplicates - 2;
    }

    /** The distribution of the statistic under no change (t on d0 + d degrees of freedom, or normal). */
    RealDistribution reference() {
        return reference;
    }

    /** The dispersion every function is shrunk towards (the fixed factor in the fallback), never below 1. */
    double typicalDispersion() {
        return Math.max(1, prior == null ? fixedDispersion : prior.dispersion());
    }

    Result test(long[] counts, int offset, long[] totals) {
        long baseCount = sum(counts, offset, 0, baseReplicates);
        long headCount = sum(counts, offset, baseReplicates, baseReplicates + headReplicates);
        long baseTotal = sum(totals, 0, 0, baseReplicates);
        long headTotal = sum(totals, 0, baseReplicates, baseReplicates + headReplicates);
        double base = (double) baseCount / baseTotal;
        double head = (double) headCount / headTotal;
        double delta = head - base;
        double pooled = (double) (baseCount + headCount) / (baseTotal + headTotal);
        double own = prior == null ? Double.NaN
                : pearson(counts, offset, totals, baseReplicates, headReplicates) / residualDf();
        boolean outlier = prior != null && prior.isOutlier(own);
        double phi = prior == null ? Math.max(1, fixedDispersion) : outlier ? Math.max(1, own) : posterior(own);
        RealDistribution distribution = outlier ? ownReference : reference;
        double nullVariance = phi * pooled * (1 - pooled) * (1.0 / baseTotal + 1.0 / headTotal);
        double pValue = nullVariance > 0
                ? 2 * distribution.cumulativeProbability(-Math.abs(delta) / Math.sqrt(nullVariance)) : 1.0;
        double halfWidth = (outlier ? ownCritical : critical)
                * Math.sqrt(phi * (base * (1 - base) / baseTotal + head * (1 - head) / headTotal));
        return new Result(base, head, delta, new Interval(delta - halfWidth, delta + halfWidth), Math.min(1, pValue), phi);
    }

    /** Pooled head share minus pooled base share of the counts {@code table[offset + r]}. */
    double shareChange(long[] table, int offset, long[] totals) {
        int replicates = baseReplicates + headReplicates;
        double base = (double) sum(table, offset, 0, baseReplicates) / sum(totals, 0, 0, baseReplicates);
        double head = (double) sum(table, offset, baseReplicates, replicates) / sum(totals, 0, baseReplicates, replicates);
        return head - base;
    }

    /**
     * Fits the dispersion prior to the features of {@code table} ({@code [feature * R + r]}) that have enough samples
     * inside and outside them ({@link #PRIOR_MIN_COUNT} per replicate on average).
     */
    static DispersionPrior fitPrior(long[] table, int features, long[] totals, int baseReplicates, int headReplicates) {
        int replicates = baseReplicates + headReplicates;
        long all = sum(totals, 0, 0, replicates);
        double[] dispersions = new double[features];
        int eligible = 0;
        for (int f = 0; f < features; f++) {
            long count = sum(table, f * replicates, 0, replicates);
            if (Math.min(count, all - count) >= PRIOR_MIN_COUNT * replicates) {
                dispersions[eligible++] = pearson(table, f * replicates, totals, baseReplicates, headReplicates)
                        / (replicates - 2);
            }
        }
        return DispersionPrior.fit(Arrays.copyOf(dispersions, eligible), replicates - 2);
    }

    /** The own dispersion shrunk towards the prior, never below binomial noise. */
    private double posterior(double own) {
        int d = residualDf();
        double shrunk = Double.isInfinite(prior.df()) ? prior.dispersion()
                : (prior.df() * prior.dispersion() + d * own) / (prior.df() + d);
        return Math.max(1, shrunk);
    }

    /** Pearson statistic of one feature: squared residuals against each side's pooled share, over binomial variance. */
    private static double pearson(long[] counts, int offset, long[] totals, int baseReplicates, int headReplicates) {
        int replicates = baseReplicates + headReplicates;
        double base = (double) sum(counts, offset, 0, baseReplicates) / sum(totals, 0, 0, baseReplicates);
        double head = (double) sum(counts, offset, baseReplicates, replicates) / sum(totals, 0, baseReplicates, replicates);
        double statistic = 0;
        for (int r = 0; r < replicates; r++) {
            double share = r < baseReplicates ? base : head;
            double variance = totals[r] * share * (1 - share);
            if (variance > 0) {
                double residual = counts[offset + r] - totals[r] * share;
                statistic += residual * residual / variance;
            }
        }
        return statistic;
    }

    /** Sum of {@code values[offset + from .. offset + to)}. */
    static long sum(long[] values, int offset, int from, int to) {
        long sum = 0;
        for (int r = from; r < to; r++) {
            sum += values[offset + r];
        }
        return sum;
    }
}
