package dev.profgate.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which java a bench run uses: profgate's own, a java program given, or the one of a JDK home given. */
class BenchJvmTest {
    private static final Path HOME = Path.of(System.getProperty("java.home"));

    @Test
    void aJdkHomeMeansItsBinJava() {
        assertEquals(HOME.resolve("bin/java"), BenchJvm.CURRENT.java());
        assertEquals(BenchJvm.CURRENT, BenchJvm.of(HOME, "--jvm"));
        assertEquals(BenchJvm.CURRENT, BenchJvm.of(HOME.resolve("bin/../bin/java"), "--jvm"));
    }

    @Test
    void theJavaStaysWithTheSettingsWhateverTheForks() {
        BenchJvm jvm = BenchJvm.of(HOME, "--jvm");
        JmhOptions options = new JmhOptions(2, 0, Duration.ofMillis(100), 1, Duration.ofMillis(100), List.of(), jvm);
        assertEquals(jvm, options.withForks(1).jvm());
        assertEquals(BenchJvm.CURRENT, JmhOptions.DEFAULTS.jvm());
    }
}
