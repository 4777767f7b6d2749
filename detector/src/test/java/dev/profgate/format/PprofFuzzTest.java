package dev.profgate.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profgate.Fuzzing;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the pprof reader (gzipped or raw protobuf): the reader of local files and of Pyroscope and Parca answers. */
class PprofFuzzTest {
    private static final String SOURCE = "fuzz.pb.gz";

    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void pprof(byte[] data) {
        Fuzzing.expectResultOrInputError(SOURCE,
                () -> Fuzzing.use(PprofReader.read(new ByteArrayInputStream(data), SOURCE)));
    }
}
