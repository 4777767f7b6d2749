package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/** Compares the fork scores of every benchmark of a run and gates them ({@link ScoreComparison}, {@link BenchPolicy}). */
final class ScoreTest {
    private ScoreTest() {
    }

    /** One comparison per benchmark, in order; q-values are taken over all of them. */
    static List<ScoreComparison> compare(List<BenchmarkSamples> benchmarks, BenchPolicy policy) {
        double[] p = benchmarks.stream().mapToDouble(b -> pValue(b.base().scores(), b.head().scores())).toArray();
        double[] q = BenjaminiHochberg.qValues(p);
        List<ScoreComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < benchmarks.size(); i++) {
            comparisons.add(compare(benchmarks.get(i), p[i], q[i], policy));
        }
        return comparisons;
    }

    private static ScoreComparison compare(BenchmarkSamples benchmark, double p, double q, BenchPolicy policy) {
        double[] base = array(benchmark.base().scores());
        double[] head = array(benchmark.head().scores());
        HodgesLehmann.Shift shift = HodgesLehmann.of(logs(base), logs(head), policy.confidence());
        Interval ratioCi = new Interval(Math.exp(shift.ci().low()), Math.exp(shift.ci().high()));
        double ratio = Math.exp(shift.estimate());
        double slowdown = ScoreComparison.slowdown(ratio, benchmark.unit());
        boolean significant = q <= policy.alpha();
        Verdict verdict = !significant || slowdown <= 0 ? Verdict.PASS
                : slowdown >= policy.failSlowdown() ? Verdict.FAIL : Verdict.WARN;
        return new ScoreComparison(benchmark.unit(), benchmark.base().scores(), benchmark.head().scores(),
                median(base), median(head), ratio, ratioCi, shift.fullCoverage(), p, q, significant, verdict);
    }

    /** The two-sided Mann-Whitney U p-value, NaN with fewer than two forks on a side. */
    private static double pValue(List<Double> base, List<Double> head) {
        if (base.size() < 2 || head.size() < 2) {
            return Double.NaN;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(array(base), array(head));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return HodgesLehmann.median(sorted);
    }

    private static double[] logs(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
