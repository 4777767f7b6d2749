package dev.profgate.benchmarks;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.model.Profile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full statistical comparison of two synthetic CPU profiles of 1,000,000 samples over 120,000 distinct stacks
 * each (one profile per side: the count-test fallback), the head with an injected regression. The fork's heap is
 * capped at 1 GB, profiles included, so a completed run shows the comparison fits in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CompareBenchmark {
    private static final double REGRESSION = 1.5;

    private List<Profile> base;
    private List<Profile> head;

    @Setup
    public void generate() {
        SyntheticProfiles profiles = new SyntheticProfiles(SyntheticProfiles.Shape.LARGE, 1);
        base = List.of(profiles.profile("base", 2));
        head = List.of(profiles.regressed("head", 3, REGRESSION));
    }

    @Benchmark
    public Comparison compare() {
        return ProfileComparator.compare(base, head, null, Policy.defaults());
    }
}
