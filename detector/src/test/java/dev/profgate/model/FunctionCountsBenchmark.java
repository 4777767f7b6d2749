package dev.profgate.model;

import dev.profgate.base.Limits;
import dev.profgate.format.ProfileFormat;
import java.nio.file.Path;
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
 * The quarterly report's per-profile work on {@code large.cpu.pb.gz}, the call-tree way against the sample way:
 * reading the profile (with its call tree, or as {@link StackSamples}) and the per-function flat/cum counts of the
 * cpu samples ({@link FunctionTotals} over the tree, or straight from the samples). Not run by the tests; run with
 * {@code ./mvnw -B -q -pl detector test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} and
 * {@code cd detector && java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main
 * FunctionCountsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FunctionCountsBenchmark {
    private Path file;
    private Profile profile;
    private StackSamples samples;

    @Setup
    public void read() {
        file = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof", "large.cpu.pb.gz");
        profile = ProfileFormat.read(file);
        samples = ProfileFormat.readSamples(file, null, Limits.defaults());
    }

    @Benchmark
    public Profile readWithCallTree() {
        return ProfileFormat.read(file);
    }

    @Benchmark
    public StackSamples readSamples() {
        return ProfileFormat.readSamples(file, null, Limits.defaults());
    }

    @Benchmark
    public FunctionTotals countsFromCallTree() {
        return FunctionTotals.of(profile, profile.counts(profile.header().defaultType()), new Dictionary());
    }

    @Benchmark
    public FunctionTotals countsFromSamples() {
        Dictionary functions = new Dictionary();
        return FunctionTotals.of(samples, samples.frames().functionIds(functions), functions.size());
    }
}
