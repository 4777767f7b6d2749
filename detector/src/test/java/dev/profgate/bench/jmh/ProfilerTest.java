package dev.profgate.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.profgate.format.JfrReader;
import dev.profgate.model.SampleType;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a fork is profiled with async-profiler: its CPU and lock samples from async-profiler, its allocation samples
 * from JFR beside it, the two recordings joined into the one file the rest of bench reads.
 */
class ProfilerTest {
    @TempDir
    Path dir;

    @Test
    void asyncProfilerSamplesCpuAndLocksAndJfrTheAllocationsBesideIt() throws IOException, ParseException {
        assumeTrue(WorkloadRecorder.asyncProfilerSupported(), "the bundled async-profiler runs here");
        List<String> options = Profiler.ASYNC.jvmOptions(dir.resolve("fork-01.jfr"), dir);
        assertTrue(options.contains("-agentpath:" + dir.resolve("libasyncProfiler.so")
                + "=start,event=cpu,interval=5ms,lock=10us,file=" + dir.resolve("fork-01.cpu.jfr")), options.toString());
        assertTrue(options.contains("-XX:StartFlightRecording=filename=" + dir.resolve("fork-01.allocations.jfr")
                + ",settings=" + dir.resolve("bench-allocations.jfc")), options.toString());
        Map<String, String> settings = Configuration.create(dir.resolve("bench-allocations.jfc")).getSettings();
        assertEquals("true", settings.get("jdk.ObjectAllocationSample#enabled"), settings.toString());
        assertFalse(settings.containsKey("jdk.ExecutionSample#enabled"), "async-profiler samples the CPU");
    }

    @Test
    void theTwoRecordingsOfAForkAreJoinedIntoOneThatReadsAsBoth() throws IOException {
        Path recording = dir.resolve("fork-01.jfr");
        record(dir.resolve("fork-01.cpu.jfr"), "jdk.ThreadPark", ProfilerTest::park);
        record(dir.resolve("fork-01.allocations.jfr"), "jdk.ObjectAllocationSample", ProfilerTest::allocate);

        Profiler.ASYNC.assemble(recording);

        List<String> types = JfrReader.read(recording, "fork-01.jfr").header().sampleTypes().stream()
                .map(SampleType::type).toList();
        assertTrue(types.containsAll(List.of("parks", "alloc_space")), types.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(recording), files.filter(f -> f.toString().endsWith(".jfr")).toList(),
                    "the parts are deleted");
        }
    }

    @Test
    void nothingIsJoinedWhenARecordingIsMissing() throws IOException {
        record(dir.resolve("fork-01.cpu.jfr"), "jdk.ThreadPark", ProfilerTest::park);
        Profiler.ASYNC.assemble(dir.resolve("fork-01.jfr"));
        assertFalse(Files.exists(dir.resolve("fork-01.jfr")), "the fork is then reported as having no recording");
        assertTrue(Files.exists(dir.resolve("fork-01.cpu.jfr")), "the part is left for a look");
    }

    /** Records {@code event} with stack traces and no threshold to {@code file} while {@code work} runs. */
    private static void record(Path file, String event, Runnable work) throws IOException {
        try (Recording recording = new Recording()) {
            recording.enable(event).withStackTrace().withoutThreshold();
            recording.setDestination(file);
            recording.start();
            work.run();
            recording.stop();
        }
        assertTrue(Files.size(file) > 0, file.toString());
    }

    private static void park() {
        for (int i = 0; i < 20; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void allocate() {
        Map<Integer, byte[]> kept = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            kept.put(i % 64, new byte[1024]);
        }
        assertEquals(64, kept.size());
    }
}
