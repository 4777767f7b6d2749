package dev.profgate.format;

import static dev.profgate.format.ProfileQueries.functionNames;
import static dev.profgate.format.ProfileQueries.topSelf;
import static dev.profgate.format.ProfileQueries.totalShare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads real recordings of {@link dev.profgate.workload.ProfiledWorkload}, made by child JVMs in {@link #record}:
 * one with JFR's {@code profile} settings (allocation samples, a planted secret in the environment and the
 * system properties), one with TLAB allocation events, 15 ms sampling and differently numbered lambdas.
 */
class JfrReaderTest {
    private static final String WORKLOAD_CLASS = "dev.profgate.workload.ProfiledWorkload";
    private static final String WORKLOAD = WORKLOAD_CLASS + ".";
    private static final String SECRET = UUID.randomUUID().toString();

    @TempDir
    static Path dir;
    static Path profiled;
    static Path tlab;
    static Profile profiledProfile;
    static Profile tlabProfile;

    @BeforeAll
    static void record() throws Exception {
        WorkloadRecorder first = WorkloadRecorder.jfr(dir.resolve("profile.jfr"), "profile",
                Map.of("PROFGATE_TEST_SECRET", SECRET), List.of("-Dprofgate.test.secret=" + SECRET), "all", "2000", "0");
        WorkloadRecorder second = WorkloadRecorder.jfr(dir.resolve("tlab.jfr"),
                WorkloadRecorder.settingsFile("tlab-allocations.jfc"), Map.of(), List.of(), "all", "2000", "3");
        profiled = first.await();
        tlab = second.await();
        profiledProfile = JfrReader.read(profiled, "profile.jfr");
        tlabProfile = JfrReader.read(tlab, "tlab.jfr");
    }

    @Test
    void listsOnlyTheMeasuredColumnsWithCpuAsDefault() {
        for (Profile profile : List.of(profiledProfile, tlabProfile)) {
            assertEquals(List.of("samples/count", "cpu/nanoseconds", "alloc_samples/count", "alloc_space/bytes",
                            "contentions/count", "delay/nanoseconds", "parks/count", "park_delay/nanoseconds"),
                    profile.header().sampleTypes().stream().map(SampleType::toString).toList());
            assertEquals("cpu", profile.header().sampleTypes().get(profile.header().defaultType()).type());
        }
    }

    @Test
    void cpuValuesUseTheSamplingPeriodOfTheRecording() {
        assertEquals(10_000_000, profiledProfile.header().period(), "profile.jfc samples every 10 ms");
        assertEquals(15_000_000, tlabProfile.header().period(), "tlab-allocations.jfc samples every 15 ms");
        for (Profile profile : List.of(profiledProfile, tlabProfile)) {
            int samples = profile.header().indexOf("samples");
            int cpu = profile.header().indexOf("cpu");
            assertEquals(profile.tree().total(samples) * profile.header().period(), profile.tree().total(cpu));
        }
    }

    @Test
    void hotMethodHasTheLargestCpuSelfShare() {
        assertEquals(WORKLOAD + "spin", topSelf(profiledProfile, "cpu"));
        assertEquals(WORKLOAD + "spin", topSelf(tlabProfile, "cpu"));
    }

    @Test
    void allocationContentionAndParkColumnsPointAtTheirMethods() {
        for (Profile profile : List.of(profiledProfile, tlabProfile)) {
            assertEquals(WORKLOAD + "allocate", topSelf(profile, "alloc_space"), profile.source());
            assertEquals(WORKLOAD + "lockedUpdate", topSelf(profile, "delay"), profile.source());
            assertTrue(totalShare(profile, "park_delay", WORKLOAD + "park") > 0.5, profile.source());
        }
    }

    @Test
    void countColumnsCountTheRecordedEventsAndTheTimelineHasOneEntryEach() throws IOException {
        assertEventCounts(profiledProfile, countEvents(profiled), "jdk.ObjectAllocationSample");
        assertEventCounts(tlabProfile, countEvents(tlab), "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");
    }

    @Test
    void splitByTimeGivesFourProfilesSummingToTheWhole() {
        List<Profile> parts = profiledProfile.splitByTime(4);
        assertEquals(4, parts.size());
        for (int type = 0; type < profiledProfile.header().sampleTypes().size(); type++) {
            long sum = 0;
            for (Profile part : parts) {
                sum += part.tree().total(type);
            }
            assertEquals(profiledProfile.tree().total(type), sum, profiledProfile.header().sampleTypes().get(type).toString());
        }
        int cpu = profiledProfile.header().indexOf("cpu");
        assertTrue(parts.stream().allMatch(part -> part.tree().total(cpu) > 0), "every quarter has cpu samples");
    }

    @Test
    void generatedLambdaNamesAreTheSameAcrossRuns() throws IOException {
        Set<String> rawProfiled = rawWorkloadLambdaClasses(profiled);
        Set<String> rawTlab = rawWorkloadLambdaClasses(tlab);
        assertFalse(rawProfiled.isEmpty());
        assertNotEquals(rawProfiled, rawTlab, "the runs are set up to number their lambda classes differently");
        Set<String> lambdas = workloadLambdaFunctions(profiledProfile);
        assertTrue(lambdas.contains(WORKLOAD_CLASS + "$$Lambda.run"), lambdas.toString());
        assertEquals(lambdas, workloadLambdaFunctions(tlabProfile));
        Pattern unstable = Pattern.compile("0x\\p{XDigit}|\\$\\$Lambda\\$\\d|EventHandler\\d|/");
        for (Profile profile : List.of(profiledProfile, tlabProfile)) {
            List<String> leftovers = functionNames(profile).filter(s -> unstable.matcher(s).find()).toList();
            assertEquals(List.of(), leftovers);
        }
    }

    @Test
    void framesCarryLineNumbersAndSourceFilesDerivedFromTheOuterClass() {
        Profile profile = profiledProfile;
        Set<String> workloadFiles = new TreeSet<>();
        boolean spinHasLine = false;
        for (int frame = 0; frame < profile.frames().size(); frame++) {
            String function = profile.frames().function(frame);
            if (function.startsWith(WORKLOAD_CLASS)) {
                workloadFiles.add(profile.frames().file(frame));
            }
            spinHasLine |= function.equals(WORKLOAD + "spin") && profile.frames().line(frame) > 0;
        }
        assertEquals(Set.of("dev/profgate/workload/ProfiledWorkload.java"), workloadFiles,
                "lambda frames ($$Lambda) map to the file of their outer class");
        assertTrue(spinHasLine);
    }

    @Test
    void theRecordingsEnvironmentNeverReachesTheProfile() throws IOException {
        byte[] raw = Files.readAllBytes(profiled);
        assertTrue(contains(raw, SECRET.getBytes(StandardCharsets.US_ASCII)),
                "sanity: JFR recorded the planted environment variable and system property");
        for (Profile profile : List.of(profiledProfile, tlabProfile)) {
            assertEquals(List.of(), strings(profile).filter(s -> s.contains(SECRET)).toList());
        }
    }

    @Test
    void readsFromAStreamThroughATemporaryFileItDeletes() throws IOException {
        Set<Path> before = spoolFiles();
        Profile fromStream;
        try (InputStream in = Files.newInputStream(profiled)) {
            fromStream = JfrReader.read(in, "stdin");
        }
        assertEquals("stdin", fromStream.source());
        for (int type = 0; type < profiledProfile.header().sampleTypes().size(); type++) {
            assertEquals(profiledProfile.tree().total(type), fromStream.tree().total(type));
        }
        assertEquals(before, spoolFiles());
    }

    @Test
    void randomBytesAreNotARecording() throws IOException {
        byte[] noise = new byte[65536];
        new Random(42).nextBytes(noise);
        noise[0] = 'x';
        assertBadInput(write("noise.bin", noise), "not a JFR recording");
    }

    @Test
    void randomBytesAfterTheMagicAreCorrupt() throws IOException {
        byte[] noise = new byte[65536];
        new Random(7).nextBytes(noise);
        System.arraycopy(new byte[] {'F', 'L', 'R', 0}, 0, noise, 0, 4);
        assertBadInput(write("magic-noise.jfr", noise), "corrupt");
    }

    @Test
    void aPprofFileIsNotARecording() {
        Path pprof = fixtures().resolve("pprof/go-payments-v1.cpu.pb.gz");
        assertTrue(Files.isRegularFile(pprof));
        assertBadInput(pprof, "not a JFR recording");
    }

    @Test
    void aTruncatedRecordingIsReported() throws IOException {
        byte[] whole = Files.readAllBytes(profiled);
        assertBadInput(write("half.jfr", Arrays.copyOf(whole, whole.length / 2)), "truncated");
    }

    @Test
    void anEmptyOrMissingFileIsReported() throws IOException {
        assertBadInput(write("empty.jfr", new byte[0]), "empty");
        assertBadInput(dir.resolve("missing.jfr"), "no such file");
    }

    @Test
    void aRecordingWithoutSupportedEventsIsReported() throws IOException {
        Path file = dir.resolve("no-samples.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JVMInformation");
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        assertBadInput(file, "no execution, allocation, monitor-enter or park events");
    }

    private static void assertBadInput(Path file, String problem) {
        String source = file.getFileName().toString();
        BadInputException e = assertThrows(BadInputException.class, () -> JfrReader.read(file, source));
        assertTrue(e.getMessage().startsWith(source + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static void assertEventCounts(Profile profile, Map<String, Integer> events, String... allocationEvents) {
        Map<String, Integer> expected = new HashMap<>();
        expected.put("samples", events.getOrDefault("jdk.ExecutionSample", 0));
        expected.put("alloc_samples", Stream.of(allocationEvents).mapToInt(e -> events.getOrDefault(e, 0)).sum());
        expected.put("contentions", events.getOrDefault("jdk.JavaMonitorEnter", 0));
        expected.put("parks", events.getOrDefault("jdk.ThreadPark", 0));
        int all = 0;
        for (Map.Entry<String, Integer> column : expected.entrySet()) {
            assertTrue(column.getValue() > 0, column.getKey());
            assertEquals(column.getValue().longValue(), profile.tree().total(profile.header().indexOf(column.getKey())),
                    column.getKey());
            all += column.getValue();
        }
        assertEquals(all, profile.timeline().size());
    }

    private static Map<String, Integer> countEvents(Path file) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                counts.merge(recording.readEvent().getEventType().getName(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Set<String> rawWorkloadLambdaClasses(Path file) throws IOException {
        Set<String> classes = new TreeSet<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getStackTrace() == null) {
                    continue;
                }
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String name = frame.getMethod().getType().getName();
                    if (name.startsWith(WORKLOAD_CLASS + "$$Lambda")) {
                        classes.add(name);
                    }
                }
            }
        }
        return classes;
    }

    private static Set<String> workloadLambdaFunctions(Profile profile) {
        return functionNames(profile).filter(s -> s.startsWith(WORKLOAD_CLASS + "$$Lambda"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every string the profile carries: its source, column names, function and file names. */
    private static Stream<String> strings(Profile profile) {
        Stream<String> header = profile.header().sampleTypes().stream().map(SampleType::toString);
        Stream<String> frames = IntStream.range(0, profile.frames().size()).boxed()
                .flatMap(f -> Stream.of(profile.frames().function(f), profile.frames().file(f)));
        return Stream.concat(Stream.of(profile.source()), Stream.concat(header, frames));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Set<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().matches("profgate-.*\\.jfr")).collect(Collectors.toSet());
        }
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static Path fixtures() {
        return Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"));
    }
}
