package dev.profgate.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profgate.Fuzzing;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the decoder of Pyroscope's legacy render answer (flamebearer JSON). */
class FlamebearerFuzzTest {
    private static final String SOURCE = "fuzz render";

    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void flamebearer(byte[] data) {
        Fuzzing.expectResultOrInputError(SOURCE, () -> Fuzzing.use(FlamebearerReader.read(data, SOURCE)));
    }
}
