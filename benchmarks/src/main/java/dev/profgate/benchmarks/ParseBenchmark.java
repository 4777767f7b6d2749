package dev.profgate.benchmarks;

import dev.profgate.format.PprofReader;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a real pprof profile (gunzip, protobuf decode, interning, call tree) and aggregating it into per-function
 * flat/cum values. The file is read into memory once, so disk speed is not measured; run from the repo root or pass
 * {@code -p file=PATH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    /** The default profile, relative to the repo root. */
    public static final String LARGE_CPU = "../shared/fixtures/pprof/large.cpu.pb.gz";

    @Param(LARGE_CPU)
    public String file;

    private byte[] bytes;

    @Setup
    public void readFile() throws IOException {
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(file + " not found: run from the repo root or pass -p file=PATH", e);
        }
    }

    @Benchmark
    public Profile parse() {
        return PprofReader.read(new ByteArrayInputStream(bytes), file);
    }

    @Benchmark
    public FunctionTotals parseAndAggregate() {
        Profile profile = parse();
        long[] values = profile.tree().selfValues(profile.header().defaultType());
        return FunctionTotals.of(profile, values, new Dictionary());
    }
}
