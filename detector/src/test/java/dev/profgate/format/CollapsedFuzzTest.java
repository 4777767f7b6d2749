package dev.profgate.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profgate.Fuzzing;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the collapsed-stacks reader through the CLI's entry point for a profile file, {@link ProfileFormat#read},
 * which tells the formats apart by their first bytes (plain or gzipped text).
 */
class CollapsedFuzzTest {
    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void collapsed(byte[] data) {
        Path file = Fuzzing.file("fuzz.collapsed", data);
        Fuzzing.expectResultOrInputError(file.toString(), () -> Fuzzing.use(ProfileFormat.read(file)));
    }
}
