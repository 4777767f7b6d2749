package dev.profgate.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The primary test: a function's sample count in replicate {@code r} is over-dispersed binomial of the replicate's
 * total {@code N_r}. Replicates {@code 0..m-1} are base, {@code m..m+n-1} head; a feature's counts are
 * {@code counts[offset + r]}. See docs/statistics.md for the formulas.
 */
final class CountSignificance {
    /** A feature informs the dispersion prior when it and its complement average at least this many samples per replicate. */
    static final double PRIOR_MIN_COUNT = 5;

    private final int baseReplicates;
    private final int headReplicates;
    private final DispersionPrior prior;
    private final double fixedDispersion;
    private final double runVariance;
    private final RealDistribution reference;
    private final double critical;
    private final RealDistribution ownReference;
    private final double ownCritical;

    private CountSignificance(int baseReplicates, int headReplicates, DispersionPrior prior, double fixedDispersion,
                      double runVariation) {
        this.baseReplicates = baseReplicates;
        this.headReplicates = headReplicates;
        this.prior = prior;
        this.fixedDispersion = fixedDispersion;
        this.runVariance = runVariation * runVariation;
        double df = prior == null ? Double.POSITIVE_INFINITY : prior.df() + residualDf();
        this.reference = Double.isInfinite(df) ? new NormalDistribution(null, 0, 1) : new TDistribution(null, df);
        this.critical = reference.inverseCumulativeProbability(0.975);
        this.ownReference = residualDf() > 0 ? new TDistribution(null, residualDf()) : reference;
        this.ownCritical = ownReference.inverseCumulativeProbability(0.975);
    }

    /**
     * The shrunk-dispersion test; needs {@code m + n > 2} replicates. {@code runVariation} is the run-to-run variation
     * the replicates cannot show (time windows of one run per side), 0 when they are runs themselves.
     */
    static CountSignificance withPrior(int baseReplicates, int headReplicates, DispersionPrior prior, double runVariation) {
        return new CountSignificance(baseReplicates, headReplicates, prior, Double.NaN, runVariation);
    }

    /**
     * The test for one profile per side, where nothing measures how much runs differ: a fixed over-dispersion factor
     * of the sampling noise, a coefficient of variation of every function's cost from run to run
     * ({@code runVariation}, 0.2 = 20%), and the normal distribution.
     */
    static CountSignificance withFixedDispersion(int baseReplicates, int headReplicates, double dispersion,
                                         double runVariation) {
        return new CountSignificance(baseReplicates, headReplicates, null, dispersion, runVariation);
    }

    /**
     * This test without the run-to-run variation: for comparing two changes measured in the same runs (a function's
     * self and total, a callee and its caller), which that variation moves together.
     */
    CountSignificance withinRuns() {
        return runVariance == 0 ? this
                : new CountSignificance(baseReplicates, headReplicates, prior, fixedDispersion, 0);
    }

    /** The coefficient of variation of a function's cost from run to run assumed for one profile per side (0 otherwise). */
    double runVariation() {
        return Math.sqrt(runVariance);
    }

    /**
     * One tested change: pooled shares per side, their difference {@code delta} with its 95% interval, the change
     * relative to the unchanged code ({@link Effect}, what is tested and gated), p-value and the dispersion used.
     */
    record Result(double base, double head, double delta, Interval ci, Effect effect, double pValue,
                  double dispersion) {
        /** The change relative to the unchanged code, in base shares. */
        double change() {
            return effect.change();
        }
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

    Result test(long[] counts, int offset, Totals totals) {
        long baseCount = sum(counts, offset, 0, baseReplicates);
        long headCount = sum(counts, offset, baseReplicates, baseReplicates + headReplicates);
        double baseTotal = totals.base();
        double headTotal = totals.head();
        double scale = totals.scale();
        double base = baseCount / baseTotal;
        double head = headCount / headTotal;
        double change = head / scale - base;
        double own = prior == null ? Double.NaN
                : pearson(counts, offset, totals.replicates(), baseReplicates, headReplicates) / residualDf();
        boolean outlier = prior != null && prior.isOutlier(own);
        double phi = prior == null ? Math.max(1, fixedDispersion) : outlier ? Math.max(1, own) : posterior(own);
        RealDistribution distribution = outlier ? ownReference : reference;
        double pValue = runVariance > 0 ? runPValue(baseCount, headCount, baseTotal, scale * headTotal, phi)
                : normalPValue(baseCount + headCount, change, phi, distribution, totals);
        double criticalValue = outlier ? ownCritical : critical;
        double shareHalfWidth = criticalValue * Math.sqrt(phi * (base * (1 - base) / baseTotal
                + head * (1 - head) / headTotal));
        double halfWidth = criticalValue * Math.sqrt(variance(phi, base, head, base + change, totals));
        Effect effect = new Effect(change, new Interval(change - halfWidth, change + halfWidth), (base + change) / base);
        return new Result(base, head, head - base, new Interval(head - base - shareHalfWidth, head - base + shareHalfWidth),
                effect, Math.min(1, pValue), phi);
    }

    /**
     * The two-sided p-value of {@code change} under {@code distribution}, with the variance under no change at the
     * pooled share of the {@code count} samples of both sides.
     */
    private double normalPValue(long count, double change, double phi, RealDistribution distribution, Totals totals) {
        double scale = totals.scale();
        double pooled = count / (totals.base() + scale * totals.head());
        double variance = variance(phi, Math.min(1, pooled), Math.min(1, scale * pooled), pooled, totals);
        return variance > 0 ? 2 * distribution.cumulativeProbability(-Math.abs(change) / Math.sqrt(variance)) : 1.0;
    }

    /**
     * The p-value with one run per side: a quasi-likelihood ratio test of the two sides' pooled counts, each negative
     * binomial with size {@code 1 / runVariance} (its cost varies from run to run by the run variation) around the
     * common share, the deviance divided by the dispersion of the sampling noise, chi-squared on 1 degree of freedom.
     * Unlike a normal approximation it keeps the skew of counts: 0 against 700 samples is no run-to-run variation,
     * 1 against 33 may be.
     */
    private double runPValue(double baseCount, double headCount, double baseTotal, double scaledHeadTotal, double phi) {
        double size = 1 / runVariance;
        double pooled = (baseCount + headCount) / (baseTotal + scaledHeadTotal);
        double deviance = 2 * (unitDeviance(baseCount, pooled * baseTotal, size)
                + unitDeviance(headCount, pooled * scaledHeadTotal, size));
        return deviance > 0 ? Gamma.regularizedGammaQ(0.5, deviance / phi / 2) : 1;
    }

    /** Log-likelihood of count {@code y} at mean {@code y} minus at mean {@code mu}, negative binomial of {@code size}. */
    static double unitDeviance(double y, double mu, double size) {
        double deviance = size * Math.log((size + mu) / (size + y));
        return y > 0 ? deviance + y * Math.log(y * (size + mu) / (mu * (size + y))) : deviance;
    }

    /**
     * The variance of a change relative to the unchanged code, {@code head / scale - base}, for base share
     * {@code base}, head share {@code head} and a cost relative to the unchanged code of {@code level} on both sides:
     * over-dispersed binomial noise of each side, the uncertainty of the scale, and the run-to-run variation of a
     * single profile per side.
     */
    private double variance(double phi, double base, double head, double level, Totals totals) {
        double scale = totals.scale();
        return phi * (base * (1 - base) / totals.base() + head * (1 - head) / (totals.head() * scale * scale))
                + level * level * (totals.logScaleVariance() + 2 * runVariance);
    }

    /** The change relative to the unchanged code ({@code head / scale - base}) of the counts {@code table[offset + r]}. */
    double change(long[] table, int offset, Totals totals) {
        int replicates = baseReplicates + headReplicates;
        double base = sum(table, offset, 0, baseReplicates) / (double) totals.base();
        double head = sum(table, offset, baseReplicates, replicates) / (double) totals.head();
        return head / totals.scale() - base;
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
