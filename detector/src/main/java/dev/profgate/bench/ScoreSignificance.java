package dev.profgate.bench;

import dev.profgate.analysis.BenjaminiHochberg;
import dev.profgate.analysis.HodgesLehmann;
import dev.profgate.analysis.Interval;
import dev.profgate.analysis.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Compares the fork scores of every benchmark of a run, and the forks' CPU time per operation where both sides
 * measured it, and gates them ({@link ScoreComparison}, {@link BenchPolicy}). The q-values are taken over all
 * comparisons of the run. Where the CPU time was measured, it gates the benchmark and a slower score alone only
 * warns: on a shared machine the score (wall-clock time) also moves with the other load, the CPU time far less.
 */
final class ScoreSignificance {
    private ScoreSignificance() {
    }

    /** The comparisons of one benchmark: JMH's score, and the CPU time per operation (null when not measured). */
    record Scores(ScoreComparison score, ScoreComparison cpu) {
    }

    /** One {@link Scores} per benchmark, in order. */
    static List<Scores> compare(List<BenchmarkSamples> benchmarks, BenchPolicy policy) {
        List<Series> series = new ArrayList<>();
        for (BenchmarkSamples b : benchmarks) {
            series.add(new Series(ScoreComparison.SCORE, b.unit(), b.base().scores(), b.head().scores()));
        }
        for (BenchmarkSamples b : benchmarks) {
            if (hasCpu(b)) {
                series.add(new Series(ScoreComparison.CPU, "ns/op", b.base().cpuPerOp(), b.head().cpuPerOp()));
            }
        }
        double[] p = series.stream().mapToDouble(s -> pValue(s.base, s.head)).toArray();
        double[] q = BenjaminiHochberg.qValues(p);
        List<Scores> scores = new ArrayList<>();
        int next = benchmarks.size();
        for (int i = 0; i < benchmarks.size(); i++) {
            boolean measured = hasCpu(benchmarks.get(i));
            ScoreComparison score = compare(series.get(i), p[i], q[i], policy, measured ? Verdict.WARN : Verdict.FAIL);
            ScoreComparison cpu = null;
            if (measured) {
                cpu = compare(series.get(next), p[next], q[next], policy, Verdict.FAIL);
                next++;
            }
            scores.add(new Scores(score, cpu));
        }
        return scores;
    }

    /** The values of one metric of one benchmark, per fork of each side. */
    private record Series(String metric, String unit, List<Double> base, List<Double> head) {
    }

    private static boolean hasCpu(BenchmarkSamples b) {
        return hasCpu(b.base()) && hasCpu(b.head());
    }

    private static boolean hasCpu(BenchSide side) {
        return side.cpuPerOp().size() == side.scores().size()
                && side.cpuPerOp().stream().allMatch(v -> Double.isFinite(v) && v > 0);
    }

    private static ScoreComparison compare(Series series, double p, double q, BenchPolicy policy, Verdict worst) {
        double[] base = array(series.base);
        double[] head = array(series.head);
        HodgesLehmann.Shift shift = HodgesLehmann.of(logs(base), logs(head), policy.confidence());
        Interval ratioCi = new Interval(Math.exp(shift.ci().low()), Math.exp(shift.ci().high()));
        double ratio = Math.exp(shift.estimate());
        double slowdown = ScoreComparison.slowdown(ratio, series.unit);
        boolean significant = q <= policy.alpha();
        Verdict verdict = !significant || slowdown <= 0 ? Verdict.PASS
                : slowdown >= policy.failSlowdown() ? worst : Verdict.WARN;
        return new ScoreComparison(series.metric, series.unit, series.base, series.head, median(base), median(head),
                ratio, ratioCi, shift.fullCoverage(), p, q, significant, verdict);
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
