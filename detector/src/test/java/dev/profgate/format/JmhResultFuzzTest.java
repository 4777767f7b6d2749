package dev.profgate.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profgate.Fuzzing;
import dev.profgate.base.Limits;
import dev.profgate.source.JmhResultFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes both readers of a JMH JSON result file: the bench command's ({@link JmhResultReader}, scores per fork) and
 * the baseline store's ({@link JmhResultFile}: JMH options, JVM, sanitised copy).
 */
class JmhResultFuzzTest {
    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void jmhResult(byte[] data) {
        Path file = Fuzzing.file("fuzz-jmh.json", data);
        String source = file.toString();
        Fuzzing.expectResultOrInputError(source, () -> JmhResultReader.read(file));
        Fuzzing.expectResultOrInputError(source, () -> {
            if (JmhResultFile.isJmhResultFile(file, Limits.defaults())) {
                JmhResultFile results = JmhResultFile.read(file);
                results.jvm();
                results.sanitized();
                JmhResultFile.options(List.of(results));
            }
        });
    }
}
