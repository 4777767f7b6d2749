package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class DispersionPriorTest {
    @Test
    void trigammaInverseInvertsTrigamma() {
        for (double y : new double[] {1e-5, 0.01, 0.3, 1, 4, 100, 1e5}) {
            double x = DispersionPrior.trigammaInverse(y);
            assertEquals(1, Gamma.trigamma(x) / y, 1e-6, "y = " + y);
        }
    }

    @Test
    void recoversScaleAndPriorDegreesOfFreedom() {
        Well19937c random = new Well19937c(11);
        int d = 8;
        double d0 = 12;
        double phi0 = 2.5;
        ChiSquaredDistribution own = new ChiSquaredDistribution(random, d);
        ChiSquaredDistribution prior = new ChiSquaredDistribution(random, d0);
        double[] dispersions = new double[20_000];
        for (int i = 0; i < dispersions.length; i++) {
            double truth = phi0 / (prior.sample() / d0);
            dispersions[i] = truth * own.sample() / d;
        }
        DispersionPrior fit = DispersionPrior.fit(dispersions, d);
        assertEquals(phi0, fit.dispersion(), 0.1);
        assertEquals(d0, fit.df(), 2.0);
    }

    @Test
    void noExtraSpreadMeansInfinitePriorWeight() {
        Well19937c random = new Well19937c(3);
        ChiSquaredDistribution own = new ChiSquaredDistribution(random, 8);
        double[] dispersions = new double[20_000];
        for (int i = 0; i < dispersions.length; i++) {
            dispersions[i] = 1.7 * own.sample() / 8;
        }
        DispersionPrior fit = DispersionPrior.fit(dispersions, 8);
        assertTrue(fit.df() > 200, "df " + fit.df());
        assertEquals(1.7, fit.dispersion(), 0.05);
    }

    @Test
    void outlyingDispersionsAreLeftOutOfTheFit() {
        Well19937c random = new Well19937c(5);
        ChiSquaredDistribution own = new ChiSquaredDistribution(random, 8);
        double[] dispersions = new double[24];
        for (int i = 0; i < 20; i++) {
            dispersions[i] = own.sample() / 8;
        }
        java.util.Arrays.fill(dispersions, 20, 24, 30.0);
        DispersionPrior fit = DispersionPrior.fit(dispersions, 8);
        assertEquals(4, fit.outliers());
        assertTrue(fit.isOutlier(30.0));
        assertEquals(1.0, fit.dispersion(), 0.35, "prior " + fit);
    }

    @Test
    void tooFewFunctionsGiveNoPrior() {
        assertEquals(0, DispersionPrior.fit(new double[] {1.2, 3.4}, 4).df());
    }
}
