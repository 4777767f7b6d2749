package dev.profgate.format;

import static dev.profgate.format.ProfileQueries.functionNames;
import static dev.profgate.format.ProfileQueries.topSelf;
import static dev.profgate.format.ProfileQueries.totalShare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.profgate.model.Profile;
import dev.profgate.workload.WorkloadRecorder;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a real async-profiler 4.x recording (cpu at 5 ms, allocations, locks, clock reads) of
 * {@link dev.profgate.workload.ProfiledWorkload}.
 */
class JfrReaderAsyncProfilerTest {
    private static final String WORKLOAD = "dev.profgate.workload.ProfiledWorkload";

    @TempDir
    static Path dir;
    static Profile profile;

    @BeforeAll
    static void record() throws Exception {
        assumeTrue(WorkloadRecorder.asyncProfilerSupported(), "the bundled async-profiler runs here");
        Path recording = WorkloadRecorder.asyncProfiler(dir.resolve("async-profiler.jfr"),
                "event=cpu,interval=5ms,alloc=256k,lock=10ms", "cpu,alloc,lock,park,clock", "2000", "0").await();
        profile = JfrReader.read(recording, "async-profiler.jfr");
    }

    @Test
    void hasCpuAllocationAndLockColumnsAtTheRequestedInterval() {
        for (String type : List.of("samples", "cpu", "alloc_samples", "alloc_space", "contentions", "delay")) {
            assertTrue(profile.header().indexOf(type) >= 0, type);
            assertTrue(profile.tree().total(profile.header().indexOf(type)) > 0, type);
        }
        assertEquals("cpu", profile.header().sampleTypes().get(profile.header().defaultType()).type());
        assertEquals(5_000_000, profile.header().period(), "async-profiler writes interval=5ms as nanoseconds");
    }

    @Test
    void hotSpotsAreWhereTheWorkloadPutsThem() {
        assertEquals(WORKLOAD + ".spin", topSelf(profile, "cpu"));
        assertEquals(WORKLOAD + ".lockedUpdate", topSelf(profile, "delay"));
        assertTrue(totalShare(profile, "alloc_space", WORKLOAD + ".allocate") > 0.5);
    }

    @Test
    void timelineHasOneEntryPerCountedEvent() {
        long events = 0;
        for (String count : List.of("samples", "alloc_samples", "contentions", "parks")) {
            int column = profile.header().indexOf(count);
            events += column < 0 ? 0 : profile.tree().total(column);
        }
        assertEquals(events, profile.timeline().size());
    }

    @Test
    void nativeFramesAreBareSymbolsAndLambdasAreStable() {
        List<String> functions = functionNames(profile).toList();
        assertTrue(functions.contains(WORKLOAD + "$$Lambda.run"), "lambda frames lose their numbers and addresses");
        Pattern library = Pattern.compile("^lib[\\w-]*\\.so|0x\\p{XDigit}{8}");
        assertEquals(List.of(), functions.stream().filter(f -> library.matcher(f).find()).toList());
        for (int frame = 0; frame < profile.frames().size(); frame++) {
            String function = profile.frames().function(frame);
            String file = profile.frames().file(frame);
            if (function.contains("::")) {
                assertEquals("", file, function);
            }
            assertTrue(file.isEmpty() || file.contains("/"), function + " is a library frame named like a class in "
                    + "the default package: " + file);
        }
        assertTrue(functions.stream().anyMatch(f -> f.contains("::")), "cpu samples include JVM (C++) frames");
        assertTrue(functions.stream().anyMatch(f -> f.matches("(__vdso_)?clock_gettime.*")),
                "cpu samples include the clock reads' library frames");
    }
}
