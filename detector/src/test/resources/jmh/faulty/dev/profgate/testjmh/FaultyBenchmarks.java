package dev.profgate.testjmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Benchmarks that go wrong, for profgate's bad-input tests: one throws, one never returns. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FaultyBenchmarks {
    /** Throws on its first call. */
    @Benchmark
    public void fails() {
        throw new IllegalStateException("planted failure in FaultyBenchmarks.fails");
    }

    /** Sleeps forever. */
    @Benchmark
    public void hangs() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
