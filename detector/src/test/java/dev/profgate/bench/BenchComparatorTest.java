package dev.profgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.Verdict;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The function comparison of bench mode on forks built with known costs: each fork runs a benchmark whose operation
 * spends {@code a} ns of CPU in function {@code a}, {@code b} in {@code b} and waits {@code wait} ns on a monitor;
 * its profile samples the CPU time every 2 ms (binomial sampling noise, counted in {@code samples}) and records the
 * waits in a {@code time} column beside {@code cpu}; its score is {@code a + b + wait} ns/op and its CPU time
 * {@code a + b} ns/op, each with 1% fork-to-fork noise.
 */
class BenchComparatorTest {
    private static final long PERIOD = 2_000_000;
    private static final int SAMPLES = 4000;
    private static final List<SampleType> COLUMNS = List.of(new SampleType("cpu", "nanoseconds"),
            new SampleType("time", "nanoseconds"), new SampleType("samples", "count"));

    @Test
    void aFunctionThatDoublesItsCostIsFoundWithItsCostPerOperation() {
        Random random = new Random(7);
        BenchOutcome outcome = compare(side(random, 600, 400, 0, true), side(random, 1200, 400, 0, true));
        ProfileComparison time = outcome.benchmarks().get(0).profiles().get(0);
        assertEquals("ns/op", time.perOpUnit());
        Finding a = find(time, "a");
        assertEquals(FindingKind.REGRESSION, a.kind(), time.comparison().findings().toString());
        assertEquals(600, time.basePerOp(a), 600 * 0.1);
        assertEquals(1200, time.headPerOp(a), 1200 * 0.1);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals(Verdict.FAIL, outcome.benchmarks().get(0).cpu().verdict());
    }

    @Test
    void aFunctionWhoseCostPerOperationDidNotChangeIsNotListedBesideOneThatDoubled() {
        Random random = new Random(7);
        ProfileComparison time = compare(side(random, 600, 400, 0, true), side(random, 1200, 400, 0, true))
                .benchmarks().get(0).profiles().get(0);
        List<String> listed = time.comparison().findings().stream().map(Finding::function).toList();
        assertEquals(List.of("a"), listed, "b's share fell from 40% to 25% but its 400 ns/op did not change");
        assertTrue(time.comparison().notes().stream().anyMatch(n -> n.contains("measured cost per operation "
                + "(CPU time and monitor waits) instead")), time.comparison().notes().toString());
    }

    @Test
    void monitorWaitsCountInTheCostPerOperationOfTheTimeColumn() {
        Random random = new Random(17);
        ProfileComparison time = compare(side(random, 600, 400, 0, true), side(random, 600, 400, 1000, true))
                .benchmarks().get(0).profiles().get(0);
        Finding wait = find(time, "wait");
        assertEquals(FindingKind.NEW, wait.kind(), time.comparison().findings().toString());
        assertEquals(1000, time.headPerOp(wait), 1000 * 0.1);
        assertEquals(2000, time.headScale(), 2000 * 0.05, "CPU time per operation x time / CPU of the profile");
    }

    @Test
    void theSameCostsOnBothSidesFindNothingThatGates() {
        Random random = new Random(11);
        BenchOutcome outcome = compare(side(random, 600, 400, 0, true), side(random, 600, 400, 0, true));
        assertEquals(List.of(), outcome.benchmarks().get(0).profiles().get(0).comparison().findings().stream()
                .filter(f -> f.severity() != Verdict.PASS).toList());
        assertEquals(Verdict.PASS, outcome.verdict());
    }

    @Test
    void withoutTheCpuTimeTheScoreGivesTheCostPerOperation() {
        Random random = new Random(13);
        BenchOutcome outcome = compare(side(random, 600, 400, 0, false), side(random, 1200, 400, 0, false));
        assertEquals(null, outcome.benchmarks().get(0).cpu());
        ProfileComparison time = outcome.benchmarks().get(0).profiles().get(0);
        assertEquals(1000, time.baseScale(), 1000 * 0.05);
        assertEquals(1600, time.headScale(), 1600 * 0.05);
    }

    @Test
    void forksWithFewCpuSamplesAreNotedAsBlunt() {
        Random random = new Random(19);
        List<String> notes = compare(side(random, 600, 400, 0, true, 4000), side(random, 600, 400, 0, true, 300))
                .benchmarks().get(0).notes();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("time: the median head fork has 300 CPU samples under the benchmark in its "
                + "measurement iterations, fewer than 500"), notes.get(0));
    }

    private static BenchOutcome compare(BenchSide base, BenchSide head) {
        return BenchComparator.compare(List.of(new BenchmarkSamples("x.B.run", "ns/op", base, head)),
                Policy.defaults(), BenchPolicy.defaults());
    }

    private static Finding find(ProfileComparison comparison, String function) {
        return comparison.comparison().findings().stream().filter(f -> f.function().equals(function)).findFirst()
                .orElseThrow(() -> new AssertionError(function + " not in " + comparison.comparison().findings()));
    }

    /** Six forks of an operation costing {@code a + b} ns of CPU and {@code wait} ns blocked, CPU time measured or not. */
    private static BenchSide side(Random random, double a, double b, double wait, boolean cpuMeasured) {
        return side(random, a, b, wait, cpuMeasured, SAMPLES);
    }

    /** The same with {@code samples} CPU samples in each fork's profile. */
    private static BenchSide side(Random random, double a, double b, double wait, boolean cpuMeasured, int samples) {
        List<Double> scores = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        for (int fork = 0; fork < 6; fork++) {
            scores.add((a + b + wait) * (1 + 0.01 * random.nextGaussian()));
            cpu.add((a + b) * (1 + 0.01 * random.nextGaussian()));
            long inA = binomial(random, samples, a / (a + b));
            profiles.add(profile(inA, samples - inA, Math.round(samples * wait / (a + b))));
        }
        return new BenchSide(scores, List.of(), cpuMeasured ? cpu : List.of(), profiles);
    }

    private static void leaf(CallTree tree, FrameTable frames, int parent, String name, long cpu, long time) {
        if (time > 0) {
            int node = tree.child(parent, frames.intern(name, "B.java", 20));
            tree.addSelf(node, 0, cpu * PERIOD);
            tree.addSelf(node, 1, time * PERIOD);
            tree.addSelf(node, 2, cpu);
        }
    }

    private static long binomial(Random random, int n, double p) {
        long hits = 0;
        for (int i = 0; i < n; i++) {
            hits += random.nextDouble() < p ? 1 : 0;
        }
        return hits;
    }

    /** {@code run_jmhStub -> run -> a | b | wait}: CPU samples of a and b, and {@code wait} samples' worth of blocking. */
    private static Profile profile(long a, long b, long wait) {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(3);
        int run = tree.child(tree.child(CallTree.ROOT, frames.intern("run_jmhStub", "", 0)),
                frames.intern("run", "B.java", 10));
        leaf(tree, frames, run, "a", a, a);
        leaf(tree, frames, run, "b", b, b);
        leaf(tree, frames, run, "wait", 0, wait);
        ProfileHeader header = new ProfileHeader(COLUMNS, 1, COLUMNS.get(0), PERIOD, 0, 0);
        return new Profile("fork", header, frames, tree, null);
    }
}
