package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip bombs, built by streaming (never held in memory), are refused after a bounded amount of inflating. */
class GzipBombTest {
    private static final long GIB = 1L << 30;
    private static final long BOUNDED_ALLOCATION = 64L << 20;
    /** The tag and length of a pprof Profile's first field, a gigabyte long: the zeros after it look like a profile. */
    private static final byte[] PPROF_FIELD = {0x0a, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04};

    @TempDir
    static Path tmp;
    static Path zeros;

    @BeforeAll
    static void buildBomb() throws IOException {
        zeros = bomb(tmp.resolve("zeros.pb.gz"), PPROF_FIELD, new byte[1 << 20], GIB);
    }

    @Test
    void gigabyteOfZerosIsRefusedByTheRatioWithBoundedAllocation() {
        long before = allocatedBytes();
        String message = assertThrows(BadInputException.class, () -> ProfileFormat.read(zeros)).getMessage();
        long allocated = allocatedBytes() - before;
        assertTrue(message.startsWith(zeros + ": a gzip compression ratio of "), message);
        assertTrue(message.contains("over the limit of 200:1 (raise limits.compressionRatio in profgate.yml)"), message);
        assertTrue(allocated < BOUNDED_ALLOCATION, "allocated " + allocated + " bytes");
    }

    @Test
    void withTheRatioRaisedTheDecompressedSizeStopsIt() {
        Limits limits = new Limits(Limits.defaults().fileBytes(), 32L << 20, 1e9, 1, 1, 1, 1, 1, 1, 1);
        long before = allocatedBytes();
        String message = assertThrows(BadInputException.class, () -> ProfileFormat.read(zeros, limits)).getMessage();
        long allocated = allocatedBytes() - before;
        assertTrue(message.endsWith("decompressed bytes over the limit of 33554432 (raise limits.decompressedBytes"
                + " in profgate.yml)"), message);
        assertTrue(allocated < 4 * BOUNDED_ALLOCATION, "allocated " + allocated + " bytes");
    }

    @Test
    void collapsedTextBombIsRefusedToo() throws IOException {
        byte[] lines = "main;serve;handle 1\n".repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
        Path text = bomb(tmp.resolve("stacks.txt.gz"), new byte[0], lines, 16L << 20);
        String message = assertThrows(BadInputException.class, () -> ProfileFormat.read(text)).getMessage();
        assertTrue(message.contains("limits.compressionRatio"), message);
    }

    @Test
    void fileSizeLimit() {
        Limits limits = new Limits(1000, 1L << 20, 200, 1, 1, 1, 1, 1, 1, 1);
        String message = assertThrows(BadInputException.class, () -> ProfileFormat.read(zeros, limits)).getMessage();
        assertTrue(message.endsWith("file bytes over the limit of 1000 (raise limits.fileBytes in profgate.yml)"),
                message);
    }

    /** Gzips {@code start} and {@code total} bytes made of repeats of {@code chunk} into {@code file}, streaming. */
    static Path bomb(Path file, byte[] start, byte[] chunk, long total) throws IOException {
        try (OutputStream out = new BestGzip(Files.newOutputStream(file))) {
            out.write(start);
            for (long written = 0; written < total; written += chunk.length) {
                out.write(chunk);
            }
        }
        return file;
    }

    /** A gzip stream at deflate's best level, as a bomb is made: a gigabyte of zeros shrinks about a thousandfold. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
