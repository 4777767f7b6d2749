package dev.profgate.analysis;

import java.util.Arrays;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * The prior of the per-function dispersions: {@code phi_f * (1/phi0)} ~ F(d, d0), fitted by limma's method of
 * moments on {@code log phi_f} (Smyth 2004, {@code fitFDist}). {@code d0} is the prior's weight in degrees of
 * freedom, infinite when the observed spread of {@code log phi_f} is no more than sampling noise (every function
 * then gets {@code phi0}), zero when too few functions were available to fit it. Dispersions above
 * {@code outlierAbove} ({@link #OUTLIER_SPREAD} robust standard deviations above the median on the log scale; one
 * replicate that caught a JIT recompilation moves samples between a few functions) are left out of the fit, and
 * {@code outliers} of the fitted functions were; such a function keeps its own dispersion.
 */
public record DispersionPrior(double dispersion, double df, double outlierAbove, int outliers) {
    /** Fewer eligible functions than this give no prior (d0 = 0: each function keeps its own dispersion). */
    static final int MIN_FUNCTIONS = 3;
    /** How many robust standard deviations of {@code log phi_f} above their median make a dispersion an outlier. */
    static final double OUTLIER_SPREAD = 3;

    /** A prior without outlier screening. */
    public DispersionPrior(double dispersion, double df) {
        this(dispersion, df, Double.POSITIVE_INFINITY, 0);
    }

    /** True when a function's own dispersion is too far above the others' to be shrunk towards them. */
    public boolean isOutlier(double ownDispersion) {
        return ownDispersion > outlierAbove;
    }

    /** Fits the prior to dispersions each estimated on {@code residualDf} degrees of freedom, outliers left out. */
    public static DispersionPrior fit(double[] dispersions, int residualDf) {
        if (dispersions.length < MIN_FUNCTIONS) {
            return new DispersionPrior(1.0, 0);
        }
        double outlierAbove = outlierThreshold(dispersions, residualDf);
        double[] kept = Arrays.stream(dispersions).filter(phi -> phi <= outlierAbove).toArray();
        int outliers = dispersions.length - kept.length;
        DispersionPrior moments = moments(kept, residualDf);
        return new DispersionPrior(moments.dispersion(), moments.df(), outlierAbove, outliers);
    }

    /**
     * {@code exp(median + OUTLIER_SPREAD * s)} of the log dispersions, {@code s} the larger of 1.4826 times their
     * median absolute deviation and the sampling standard deviation of a log dispersion on {@code residualDf}.
     */
    private static double outlierThreshold(double[] dispersions, int residualDf) {
        double floor = 1e-5 * Math.max(median(dispersions), 1e-10);
        double[] logs = Arrays.stream(dispersions).map(phi -> Math.log(Math.max(phi, floor))).toArray();
        double center = median(logs);
        double mad = median(Arrays.stream(logs).map(value -> Math.abs(value - center)).toArray());
        double spread = Math.max(1.4826 * mad, Math.sqrt(Gamma.trigamma(residualDf / 2.0)));
        return Math.exp(center + OUTLIER_SPREAD * spread);
    }

    private static DispersionPrior moments(double[] dispersions, int residualDf) {
        int k = dispersions.length;
        if (k < MIN_FUNCTIONS) {
            return new DispersionPrior(1.0, 0);
        }
        double half = residualDf / 2.0;
        double floor = 1e-5 * Math.max(median(dispersions), 1e-10);
        double[] e = new double[k];
        double mean = 0;
        for (int i = 0; i < k; i++) {
            e[i] = Math.log(Math.max(dispersions[i], floor)) - Gamma.digamma(half) + Math.log(half);
            mean += e[i];
        }
        mean /= k;
        double variance = 0;
        for (double value : e) {
            variance += (value - mean) * (value - mean);
        }
        variance = variance / (k - 1) - Gamma.trigamma(half);
        if (variance <= 0) {
            return new DispersionPrior(Math.exp(mean), Double.POSITIVE_INFINITY);
        }
        double d0 = 2 * trigammaInverse(variance);
        return new DispersionPrior(Math.exp(mean + Gamma.digamma(d0 / 2) - Math.log(d0 / 2)), d0);
    }

    /** The x with trigamma(x) = y (trigamma decreases from infinity to 0 on x > 0); limma's limits for extreme y. */
    static double trigammaInverse(double y) {
        if (y > 1e7) {
            return 1 / Math.sqrt(y);
        }
        if (y < 1e-6) {
            return 1 / y;
        }
        double low = Math.min(1 / Math.sqrt(y), 1 / y) / 4;
        double high = 2 / y + 2 / Math.sqrt(y) + 1;
        return new BrentSolver(1e-12, 1e-10).solve(200, x -> Gamma.trigamma(x) - y, low, high);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
