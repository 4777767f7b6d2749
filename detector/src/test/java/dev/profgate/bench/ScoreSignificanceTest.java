package dev.profgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.BenjaminiHochberg;
import dev.profgate.analysis.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark score comparison: reference values from an independent computation in Python (scipy 1.17
 * {@code mannwhitneyu(method='asymptotic', use_continuity=False)}; the Hodges-Lehmann ratio and interval from the
 * sorted pairwise log differences), and the properties a shift by a known factor must have.
 */
class ScoreSignificanceTest {
    private static final List<Double> BASE = List.of(101.2, 99.8, 100.5, 102.3, 98.9, 100.1, 101.7, 99.4);
    private static final List<Double> HEAD = List.of(103.9, 104.6, 102.2, 105.1, 103.3, 101.8, 104.0, 106.2);

    @Test
    void matchesTheIndependentComputation() {
        ScoreComparison s = only(samples("ns/op", BASE, HEAD), BenchPolicy.defaults());
        assertEquals(0.0016291862969701565, s.pValue(), 1e-12);
        assertEquals(1.0337138352361896, s.ratio(), 1e-12);
        assertEquals(1.016983016983017, s.ratioCi().low(), 1e-12);
        assertEquals(1.0499500499500505, s.ratioCi().high(), 1e-12);
        assertEquals(100.3, s.baseMedian(), 1e-12);
        assertEquals(103.95, s.headMedian(), 1e-12);
        assertTrue(s.fullCoverage());
        assertTrue(s.significant());
        assertEquals(Verdict.FAIL, s.verdict(), "3.4% slower, significant, above the 1% floor");
    }

    @Test
    void aShiftByAKnownFactorIsEstimatedExactly() {
        List<Double> base = List.of(10.0, 10.4, 9.7, 10.9, 10.2, 9.9, 10.6, 10.1, 9.8, 10.3);
        List<Double> head = base.stream().map(x -> x * 1.25).toList();
        ScoreComparison s = only(samples("us/op", base, head), BenchPolicy.defaults());
        assertEquals(1.25, s.ratio(), 1e-12);
        assertTrue(s.ratioCi().contains(1.25));
        assertEquals(0.25, s.slowdown(), 1e-12);
    }

    @Test
    void theSameScoresOnBothSidesAreNotSignificant() {
        ScoreComparison s = only(samples("ns/op", BASE, BASE), BenchPolicy.defaults());
        assertEquals(1.0, s.ratio(), 1e-12);
        assertEquals(1.0, s.pValue(), 1e-12);
        assertFalse(s.significant());
        assertEquals(Verdict.PASS, s.verdict());
    }

    @Test
    void fewerThanFourForksASideGiveTheFullRangeAndSayItCoversLess() {
        ScoreComparison s = only(samples("ns/op", BASE.subList(0, 3), HEAD.subList(0, 3)), BenchPolicy.defaults());
        assertFalse(s.fullCoverage());
        assertEquals(102.2 / 101.2, s.ratioCi().low(), 1e-12, "smallest ratio of a head and a base fork");
        assertEquals(104.6 / 99.8, s.ratioCi().high(), 1e-12, "largest ratio of a head and a base fork");
    }

    @Test
    void fewerOperationsPerSecondIsASlowdown() {
        List<Double> head = BASE.stream().map(x -> x / 1.1).toList();
        ScoreComparison s = only(samples("ops/s", BASE, head), BenchPolicy.defaults());
        assertEquals(1 / 1.1, s.ratio(), 1e-12);
        assertEquals(0.1, s.slowdown(), 1e-12);
        assertTrue(s.slowdownCi().contains(0.1));
        assertEquals(Verdict.FAIL, s.verdict());
    }

    @Test
    void aSignificantSlowdownBelowTheThresholdWarnsAndAnImprovementPasses() {
        BenchPolicy strict = new BenchPolicy(0.05, 0.05, 0.95);
        assertEquals(Verdict.WARN, only(samples("ns/op", BASE, HEAD), strict).verdict(), "3.4% < 5%");
        assertEquals(Verdict.PASS, only(samples("ns/op", HEAD, BASE), strict).verdict(), "head faster");
    }

    @Test
    void qValuesAdjustOverTheBenchmarksOfTheRun() {
        List<Double> noise = List.of(100.2, 99.9, 100.4, 99.7, 100.1, 100.6, 99.5, 100.0);
        List<ScoreComparison> all = ScoreSignificance.compare(List.of(samples("ns/op", BASE, HEAD),
                samples("ns/op", BASE, noise)), BenchPolicy.defaults()).stream().map(ScoreSignificance.Scores::score).toList();
        double[] p = all.stream().mapToDouble(ScoreComparison::pValue).toArray();
        double[] expected = BenjaminiHochberg.qValues(p);
        assertEquals(expected[0], all.get(0).qValue(), 1e-15);
        assertEquals(expected[1], all.get(1).qValue(), 1e-15);
        assertTrue(all.get(0).qValue() > all.get(0).pValue(), Arrays.toString(p));
    }

    @Test
    void theCpuTimeGatesAndASlowerScoreAloneOnlyWarnsBesideIt() {
        List<Double> noise = List.of(100.2, 99.9, 100.4, 99.7, 100.1, 100.6, 99.5, 100.0);
        ScoreSignificance.Scores slowerScore = ScoreSignificance.compare(List.of(samples("ns/op", BASE, HEAD, BASE, noise)),
                BenchPolicy.defaults()).get(0);
        assertEquals(Verdict.WARN, slowerScore.score().verdict(), "wall-clock slower, CPU time not");
        assertEquals(Verdict.PASS, slowerScore.cpu().verdict());
        assertEquals(ScoreComparison.CPU, slowerScore.cpu().metric());
        ScoreSignificance.Scores slowerCpu = ScoreSignificance.compare(List.of(samples("ns/op", BASE, noise, BASE, HEAD)),
                BenchPolicy.defaults()).get(0);
        assertEquals(Verdict.FAIL, slowerCpu.cpu().verdict());
        assertEquals(1.0337138352361896, slowerCpu.cpu().ratio(), 1e-12);
        double[] p = {slowerCpu.score().pValue(), slowerCpu.cpu().pValue()};
        assertEquals(BenjaminiHochberg.qValues(p)[1], slowerCpu.cpu().qValue(), 1e-15);
    }

    private static ScoreComparison only(BenchmarkSamples samples, BenchPolicy policy) {
        ScoreSignificance.Scores scores = ScoreSignificance.compare(List.of(samples), policy).get(0);
        assertEquals(null, scores.cpu(), "no CPU time measured");
        return scores.score();
    }

    private static BenchmarkSamples samples(String unit, List<Double> base, List<Double> head) {
        return new BenchmarkSamples("a.B.run", unit, new BenchSide(base, List.of(), List.of(), List.of()),
                new BenchSide(head, List.of(), List.of(), List.of()));
    }

    private static BenchmarkSamples samples(String unit, List<Double> base, List<Double> head, List<Double> baseCpu,
                                            List<Double> headCpu) {
        return new BenchmarkSamples("a.B.run", unit, new BenchSide(base, List.of(), baseCpu, List.of()),
                new BenchSide(head, List.of(), headCpu, List.of()));
    }
}
