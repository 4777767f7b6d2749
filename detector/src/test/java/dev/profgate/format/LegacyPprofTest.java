package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pprof's legacy formats, written by hand as Go's runtime and gperftools wrote them, are told apart and refused with
 * the command that converts them; folded stacks and protobuf profiles are not taken for them.
 */
class LegacyPprofTest {
    private static final Map<String, String> TEXTS = Map.of(
            "heap", "heap profile: 3: 1536 [12: 6144] @ heap/1048576\n1: 512 [4: 2048] @ 0x4a3b1c 0x4a2f00\n",
            "contention", "--- contention:\ncycles/second=2000000000\n2 4000 @ 0x45f1a0 0x45f0b2\n",
            "mutex", "--- mutex:\ncycles/second=2000000000\nsampling period=1\n5 9000 @ 0x45f1a0\n",
            "goroutine", "goroutine profile: total 9\n7 @ 0x43a1c5 0x4071d2\n",
            "threadcreate", "# written by hand\n\nthreadcreate profile: total 11\n11 @\n",
            "thread", "--- threadz 1 ---\n\n--- Thread 7f3c (name: main/12) stack: ---\n  PC: 0x40a1b2\n");

    @TempDir
    Path dir;

    @Test
    void textProfilesAreNamedWithTheConversion() throws IOException {
        for (Map.Entry<String, String> text : TEXTS.entrySet()) {
            assertRefused(write(text.getKey() + ".txt", text.getValue().getBytes(StandardCharsets.US_ASCII)),
                    text.getKey());
        }
        assertRefused(write("heap.gz", SyntheticProfiles.gzip(TEXTS.get("heap").getBytes(StandardCharsets.US_ASCII))),
                "heap");
        assertRefused(write("heapz", "--- heapz 1 ---\nformat = java\nresolution = bytes\n"
                .getBytes(StandardCharsets.US_ASCII)), "heap");
    }

    @Test
    void theBinaryCpuProfileIsToldInEveryWordSizeAndByteOrder() throws IOException {
        for (int width : new int[] {4, 8}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                ByteBuffer words = ByteBuffer.allocate(8 * width).order(order);
                for (long word : new long[] {0, 3, 0, 10_000, 0, 1, 1, 0x4a3b1c}) {
                    if (width == 4) {
                        words.putInt((int) word);
                    } else {
                        words.putLong(word);
                    }
                }
                assertRefused(write("cpu-" + width + "-" + order, words.array()), "CPU");
            }
        }
    }

    @Test
    void foldedStacksAndProtobufAreNotLegacy() {
        assertEquals(Optional.empty(), LegacyPprof.kind("main;work;spin 7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), LegacyPprof.kind("profile: total\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), LegacyPprof.kind(new byte[] {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02}));
        assertEquals(Optional.empty(), LegacyPprof.kind(new byte[40]));
    }

    private static void assertRefused(Path file, String kind) {
        assertEquals(file + ": a legacy pprof " + kind + " profile, which profgate does not read; convert it to the "
                + "protobuf format: go tool pprof -proto " + file + " > " + file + ".pb.gz",
                assertThrows(BadInputException.class, () -> ProfileFormat.read(file)).getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
