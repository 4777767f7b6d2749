package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What counts as an environment mismatch between the base and the head side. */
class EnvironmentTest {
    private static final Environment.Jvm JDK17 = new Environment.Jvm("Debian", "OpenJDK 64-Bit Server VM", "17.0.15");
    private static final Environment.Machine TWO_CPUS = new Environment.Machine("Linux", "amd64", 2);

    @Test
    void theSameEnvironmentHasNoMismatch() {
        Environment env = new Environment(JDK17, TWO_CPUS, jmh("b.Bench.run", "forks", "5"));
        assertEquals(List.of(), env.mismatches(new Environment(JDK17, TWO_CPUS, jmh("b.Bench.run", "forks", "5"))));
    }

    @Test
    void jvmVersionCpuCountAndPlatformAreEachReported() {
        Environment base = new Environment(JDK17, TWO_CPUS, jmh());
        Environment.Jvm jdk21 = new Environment.Jvm("Debian", "OpenJDK 64-Bit Server VM", "21.0.2");
        Environment head = new Environment(jdk21, new Environment.Machine("Mac OS X", "aarch64", 8), jmh());
        assertEquals(List.of(
                new EnvironmentMismatch("JVM", JDK17.toString(), jdk21.toString()),
                new EnvironmentMismatch("CPU count", "2", "8"),
                new EnvironmentMismatch("OS/architecture", "Linux/amd64", "Mac OS X/aarch64")),
                base.mismatches(head));
    }

    @Test
    void anUnknownVendorIsNoMismatchButAnotherVendorIs() {
        Environment base = new Environment(JDK17, TWO_CPUS, jmh());
        Environment.Jvm noVendor = new Environment.Jvm(null, JDK17.name(), JDK17.version());
        assertEquals(List.of(), base.mismatches(new Environment(noVendor, TWO_CPUS, jmh())));
        Environment.Jvm temurin = new Environment.Jvm("Eclipse Adoptium", JDK17.name(), JDK17.version());
        assertEquals(1, base.mismatches(new Environment(temurin, TWO_CPUS, jmh())).size());
    }

    @Test
    void jmhOptionsAreComparedForBenchmarksOnBothSides() {
        Environment base = new Environment(JDK17, TWO_CPUS, jmh("b.Bench.run", "forks", "5", "mode", "avgt"));
        Environment head = new Environment(JDK17, TWO_CPUS, jmh("b.Bench.run", "forks", "2", "mode", "avgt"));
        assertEquals(List.of(new EnvironmentMismatch("JMH options of b.Bench.run", "forks=5", "forks=2")),
                base.mismatches(head));
        Environment other = new Environment(JDK17, TWO_CPUS, jmh("b.Other.run", "forks", "2"));
        assertEquals(List.of(), base.mismatches(other));
    }

    @Test
    void aMismatchReadsAsBaseVersusHead() {
        assertEquals("CPU count: 2 (base) vs 8 (head)", new EnvironmentMismatch("CPU count", "2", "8").toString());
    }

    private static SortedMap<String, SortedMap<String, String>> jmh(String... benchmarkAndOptions) {
        SortedMap<String, SortedMap<String, String>> all = new TreeMap<>();
        if (benchmarkAndOptions.length > 0) {
            SortedMap<String, String> options = new TreeMap<>();
            for (int i = 1; i < benchmarkAndOptions.length; i += 2) {
                options.put(benchmarkAndOptions[i], benchmarkAndOptions[i + 1]);
            }
            all.put(benchmarkAndOptions[0], options);
        }
        return all;
    }
}
