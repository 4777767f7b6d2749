package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class CountSignificanceTest {
    private static final NormalDistribution NORMAL = new NormalDistribution();

    @Test
    void withoutOverDispersionItIsTheTwoProportionZTest() {
        long[] counts = {30, 60};
        long[] totals = {1000, 1200};
        CountSignificance.Result result = CountSignificance.withFixedDispersion(1, 1, 1.0, 0).test(counts, 0, Totals.raw(totals, 1));
        double pb = 30 / 1000.0;
        double ph = 60 / 1200.0;
        double pooled = 90 / 2200.0;
        double z = (ph - pb) / Math.sqrt(pooled * (1 - pooled) * (1 / 1000.0 + 1 / 1200.0));
        assertEquals(2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))), result.pValue(), 1e-12);
        assertEquals(ph - pb, result.delta(), 1e-15);
        double half = NORMAL.inverseCumulativeProbability(0.975)
                * Math.sqrt(pb * (1 - pb) / 1000 + ph * (1 - ph) / 1200);
        assertEquals(ph - pb - half, result.ci().low(), 1e-12);
        assertEquals(ph - pb + half, result.ci().high(), 1e-12);
    }

    @Test
    void overDispersionFactorScalesTheVariance() {
        long[] counts = {30, 60};
        long[] totals = {1000, 1200};
        double pooled = 90 / 2200.0;
        double z = (60 / 1200.0 - 30 / 1000.0) / Math.sqrt(4 * pooled * (1 - pooled) * (1 / 1000.0 + 1 / 1200.0));
        CountSignificance.Result result = CountSignificance.withFixedDispersion(1, 1, 4.0, 0).test(counts, 0, Totals.raw(totals, 1));
        assertEquals(2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))), result.pValue(), 1e-12);
        assertEquals(4.0, result.dispersion());
    }

    @Test
    void shrunkDispersionAndTStatisticMatchTheFormulas() {
        long[] counts = {50, 65, 41, 80, 95, 70};
        long[] totals = {1000, 1100, 900, 1000, 1050, 950};
        DispersionPrior prior = new DispersionPrior(1.8, 6.0);
        CountSignificance.Result result = CountSignificance.withPrior(3, 3, prior, 0).test(counts, 0, Totals.raw(totals, 3));

        double pb = (50 + 65 + 41) / 3000.0;
        double ph = (80 + 95 + 70) / 3000.0;
        double pearson = 0;
        for (int r = 0; r < 6; r++) {
            double p = r < 3 ? pb : ph;
            pearson += Math.pow(counts[r] - totals[r] * p, 2) / (totals[r] * p * (1 - p));
        }
        double own = pearson / 4;
        double posterior = Math.max(1, (6.0 * 1.8 + 4 * own) / 10.0);
        double pooled = (156 + 245) / 6000.0;
        double t = (ph - pb) / Math.sqrt(posterior * pooled * (1 - pooled) * (1 / 3000.0 + 1 / 3000.0));
        TDistribution reference = new TDistribution(10);
        assertEquals(posterior, result.dispersion(), 1e-12);
        assertEquals(2 * reference.cumulativeProbability(-Math.abs(t)), result.pValue(), 1e-12);
        double half = reference.inverseCumulativeProbability(0.975)
                * Math.sqrt(posterior * (pb * (1 - pb) / 3000 + ph * (1 - ph) / 3000));
        assertEquals(ph - pb + half, result.ci().high(), 1e-12);
    }

    @Test
    void dispersionNeverDropsBelowBinomialNoise() {
        long[] counts = {100, 100, 100, 100, 100, 100};
        long[] totals = {1000, 1000, 1000, 1000, 1000, 1000};
        CountSignificance.Result result = CountSignificance.withPrior(3, 3, new DispersionPrior(0.2, 50), 0).test(counts, 0, Totals.raw(totals, 3));
        assertEquals(1.0, result.dispersion());
        assertEquals(1.0, result.pValue(), 1e-12);
    }

    @Test
    void nullPValuesAreCalibratedOnOverDispersedCounts() {
        Well19937c random = new Well19937c(7);
        int features = 3000;
        int replicates = 10;
        long[] totals = new long[replicates];
        java.util.Arrays.fill(totals, 2000);
        long[] table = new long[features * replicates];
        for (int f = 0; f < features; f++) {
            double share = 0.005 + 0.1 * random.nextDouble();
            double rho = 0.001;
            BetaDistribution beta = new BetaDistribution(random, share * (1 / rho - 1), (1 - share) * (1 / rho - 1));
            for (int r = 0; r < replicates; r++) {
                table[f * replicates + r] = new BinomialDistribution(random, 2000, beta.sample()).sample();
            }
        }
        DispersionPrior prior = CountSignificance.fitPrior(table, features, totals, 5, 5);
        double expected = 1 + (2000 - 1) * 0.001;
        assertTrue(Math.abs(prior.dispersion() / expected - 1) < 0.15, "prior " + prior + " vs beta-binomial " + expected);
        CountSignificance test = CountSignificance.withPrior(5, 5, prior, 0);
        int below = 0;
        for (int f = 0; f < features; f++) {
            if (test.test(table, f * replicates, Totals.raw(totals, 5)).pValue() < 0.05) {
                below++;
            }
        }
        double rate = below / (double) features;
        assertTrue(rate > 0.035 && rate < 0.065, "false positive rate " + rate);
    }

    @Test
    void anOutlierIsTestedWithItsOwnDispersion() {
        long[] counts = {20, 20, 20, 20, 100, 20, 20, 20, 20, 20};
        long[] totals = new long[10];
        java.util.Arrays.fill(totals, 1000);
        double screened = CountSignificance.withPrior(5, 5, new DispersionPrior(1.0, Double.POSITIVE_INFINITY, 3.0, 1), 0)
                .test(counts, 0, Totals.raw(totals, 5)).pValue();
        double shrunk = CountSignificance.withPrior(5, 5, new DispersionPrior(1.0, Double.POSITIVE_INFINITY), 0)
                .test(counts, 0, Totals.raw(totals, 5)).pValue();
        assertTrue(shrunk < 0.001, "with the common dispersion " + shrunk);
        assertTrue(screened > 0.05, "with its own dispersion " + screened);
    }
}
