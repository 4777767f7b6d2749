package dev.profgate.testjmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A benchmark with two parameters of two and three values: six cases. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParamBenchmarks {
    @Param({"8", "64"})
    public int size;

    @Param({"plain", "with space", "x=y"})
    public String label;

    /** Sums the first {@code size} integers. */
    @Benchmark
    public long sum() {
        long sum = label.length();
        for (int i = 0; i < size; i++) {
            sum += i;
        }
        return sum;
    }
}
