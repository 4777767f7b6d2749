package dev.profgate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo profiles committed under {@code baselines/demo/}: several real replicates per side, each big enough
 * to test, recorded at 10 ms, and free of anything from the recording machine (paths, environment, tokens).
 */
class DemoBaselinesTest {
    private static final Path DEMO = PaymentsWorkload.repo().resolve("baselines/demo");
    private static final long TEN_MILLIS = 10_000_000;
    /** Home and temp paths, JDK install paths, names of environment variables and system properties, tokens. */
    private static final Pattern MACHINE_TRACES = Pattern.compile(String.join("|",
            "/root\\b", "/home/", "/Users/", "/tmp/", "/usr/lib/jvm", "JAVA_HOME", "GITHUB_TOKEN", "HOSTNAME",
            "LD_LIBRARY_PATH", "\\bPATH=", "user\\.(home|name|dir)", "java\\.(home|class\\.path)", "-Dpayments",
            "gh[pousr]_[A-Za-z0-9]{20,}", "AKIA[0-9A-Z]{16}"));

    @Test
    void eachSideHasSeveralReplicatesOfRealSamples() throws IOException {
        for (String side : List.of("base", "head")) {
            List<Path> replicates = files(DEMO.resolve(side)).stream()
                    .filter(f -> f.getFileName().toString().endsWith(".pb.gz")).toList();
            assertTrue(replicates.size() >= 4, side + " has " + replicates.size() + " replicates");
            for (Path file : replicates) {
                Profile profile = ProfileFormat.read(file);
                assertTrue(StoredProfiles.cpuSamples(profile) > 200, file + ": " + StoredProfiles.cpuSamples(profile));
                assertEquals(TEN_MILLIS, profile.header().period(), file + ": sampling period");
            }
        }
    }

    @Test
    void noFileCarriesTracesOfTheRecordingMachine() throws IOException {
        List<Path> all = files(DEMO);
        assertTrue(all.size() > 2, "baselines/demo/ holds " + all.size() + " files");
        for (Path file : all) {
            Matcher trace = MACHINE_TRACES.matcher(new String(StoredProfiles.bytes(file), StandardCharsets.ISO_8859_1));
            assertFalse(trace.find(), () -> file + " contains '" + trace.group() + "'");
        }
    }

    @Test
    void theTraceCheckWouldSeeAnEnvironmentLeak() {
        for (String leak : List.of("/root/.m2", "/home/ci/work", "JAVA_HOME", "ghp_0123456789abcdefghijABCDEFGHIJ",
                "-Dpayments.variant=base", "user.home")) {
            assertTrue(MACHINE_TRACES.matcher("x\0" + leak + "\0y").find(), leak);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
