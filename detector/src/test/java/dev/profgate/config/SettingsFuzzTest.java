package dev.profgate.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profgate.Fuzzing;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the loader of {@code profgate.yml}: every section of {@link Settings}, the deploy section among them. */
class SettingsFuzzTest {
    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void settings(byte[] data) {
        Path file = Fuzzing.file("profgate.yml", data);
        Fuzzing.expectResultOrInputError(file.toString(), () -> Settings.load(file));
    }
}
