package dev.profgate.testjmh21;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A benchmark of a Java 21 API (sequenced collections), compiled for Java 21: Java 17 cannot load it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SequencedBenchmarks {
    private final List<Integer> values = List.of(3, 1, 4, 1, 5, 9, 2, 6);

    /** The sum of the list's first and last element. */
    @Benchmark
    public int firstPlusLast() {
        return values.getFirst() + values.getLast();
    }
}
