package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.demo.StoredProfiles;
import dev.profgate.format.JfrReader;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.model.Timeline;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JFR recording of a child JVM whose environment and {@code -D} properties hold a planted secret, saved as a
 * baseline together with a JMH result whose JVM arguments hold another: no file of the baseline holds either secret,
 * their names, or the recording's paths, while the recording and the JMH file do. The stacks and timestamps stay.
 */
class BaselineSecretTest {
    private static final String SECRET = UUID.randomUUID().toString();
    private static final String JMH_SECRET = "jmh-secret-4f1c9a";
    private static final List<String> NEVER_STORED = List.of(SECRET, JMH_SECRET, "PROFGATE_TEST_SECRET",
            "profgate.test.secret", "/bin/java");

    @TempDir
    static Path tmp;
    static Path recording;
    static Baseline baseline;

    @BeforeAll
    static void recordAndSave() throws Exception {
        Path recorded = WorkloadRecorder.jfr(Files.createDirectories(tmp.resolve("recording")).resolve("run.jfr"),
                "profile",
                Map.of("PROFGATE_TEST_SECRET", SECRET), List.of("-Dprofgate.test.secret=" + SECRET),
                "all", "1500", "0").await();
        Path from = Files.createDirectories(tmp.resolve("from"));
        recording = Files.copy(recorded, from.resolve("run.jfr"));
        Files.copy(TestFiles.jmhResult(), from.resolve("jmh-result.json"));
        baseline = new BaselineStore(tmp.resolve("store")).save("secret-check", from, "workload", null, false);
    }

    @Test
    void theRecordingAndTheJmhResultHoldTheSecrets() throws IOException {
        byte[] raw = Files.readAllBytes(recording);
        assertTrue(contains(raw, SECRET), "the planted secret is in the raw recording");
        assertTrue(contains(raw, "PROFGATE_TEST_SECRET"), "the variable's name is in the raw recording");
        assertTrue(contains(Files.readAllBytes(tmp.resolve("from/jmh-result.json")), JMH_SECRET));
    }

    @Test
    void noFileOfTheBaselineHoldsThemOrTheRecordingPaths() throws IOException {
        List<Path> files = StoreInputs.files(baseline.dir());
        assertEquals(3, files.size(), files.toString());
        for (Path file : files) {
            byte[] content = StoredProfiles.bytes(file);
            for (String secret : NEVER_STORED) {
                assertFalse(contains(content, secret), file + " holds " + secret);
            }
            assertFalse(contains(content, tmp.toString()), file + " holds the recording's folder " + tmp);
        }
    }

    @Test
    void theStoredProfileKeepsTheStacksValuesAndTimestamps() {
        Profile original = JfrReader.read(recording, "run.jfr");
        Profile stored = ProfileFormat.read(baseline.profiles().get(0));
        assertTrue(stored.hasTimeline(), "the stored profile has per-sample timestamps");
        assertEquals(timeline(original), timeline(stored));
        assertEquals(original.header().sampleTypes(), stored.header().sampleTypes());
        for (int type = 0; type < original.header().sampleTypes().size(); type++) {
            assertEquals(original.tree().total(type), stored.tree().total(type));
        }
    }

    /** Each timeline entry as "time leaf-function values..." (an event without a stack sits on the root). */
    private static List<String> timeline(Profile profile) {
        Timeline timeline = profile.timeline();
        List<String> entries = new ArrayList<>();
        for (int s = 0; s < timeline.size(); s++) {
            int frame = profile.tree().frame(timeline.node(s));
            StringBuilder entry = new StringBuilder().append(timeline.time(s)).append(' ')
                    .append(frame < 0 ? "(root)" : profile.frames().function(frame));
            for (int type = 0; type < profile.header().sampleTypes().size(); type++) {
                entry.append(' ').append(timeline.value(s, type));
            }
            entries.add(entry.toString());
        }
        return entries;
    }

    private static boolean contains(byte[] data, String text) {
        return StoredProfiles.contains(data, text.getBytes(StandardCharsets.UTF_8));
    }
}
