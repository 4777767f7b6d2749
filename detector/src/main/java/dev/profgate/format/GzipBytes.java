package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.util.zip.GZIPInputStream;

/**
 * Reads an input within the {@link Limits}, decompressing it when it starts with the gzip magic bytes (1f 8b), whatever
 * its name. Inflation stops as soon as the decompressed size or the compression ratio passes its limit, so a gzip
 * bomb costs a megabyte of inflating, not its decompressed size.
 */
final class GzipBytes {
    private static final int BUFFER = 1 << 16;
    private static final int COMPRESSED_STEP = 1 << 12;

    private GzipBytes() {
    }

    /** The input's bytes, decompressed if gzipped; never empty. */
    static byte[] read(InputStream in, String source, Limits limits) {
        Counted raw = new Counted(in, source, limits, null);
        byte[] data;
        try {
            data = open(raw, source, limits).readAllBytes();
        } catch (EOFException e) {
            throw new BadInputException(source, "truncated gzip data (the file ends inside the compressed stream)");
        } catch (IOException e) {
            throw new BadInputException(source, "corrupt gzip data (" + e.getMessage() + ")");
        }
        if (raw.count == 0) {
            throw new BadInputException(source, "empty file");
        }
        if (data.length == 0) {
            throw new BadInputException(source, "gzip data decompresses to nothing");
        }
        return data;
    }

    /** The input as a stream that stays within the limits, decompressed if it is gzipped. */
    static InputStream open(InputStream in, String source, Limits limits) throws IOException {
        Counted raw = in instanceof Counted counted ? counted : new Counted(in, source, limits, null);
        PushbackInputStream head = new PushbackInputStream(raw, 2);
        byte[] magic = head.readNBytes(2);
        head.unread(magic);
        if (!ProfileFormat.isGzip(magic)) {
            return new BufferedInputStream(head, BUFFER);
        }
        // Compressed input is taken in small steps so the ratio is checked against what was actually inflated.
        return new Counted(new GZIPInputStream(head, COMPRESSED_STEP), source, limits, raw);
    }

    /** A stream that counts the bytes read through it and checks them against the limits as they arrive. */
    private static final class Counted extends FilterInputStream {
        private final String source;
        private final Limits limits;
        private final Counted compressed;
        private long count;

        /** Counts file bytes when {@code compressed} is null, else the bytes inflated from {@code compressed}. */
        Counted(InputStream in, String source, Limits limits, Counted compressed) {
            super(in);
            this.source = source;
            this.limits = limits;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, BUFFER))]));
        }

        private void counted(int n) {
            count += n;
            if (compressed == null) {
                Limits.check(source, "file bytes", count, limits.fileBytes(), "fileBytes");
                return;
            }
            Limits.check(source, "decompressed bytes", count, limits.decompressedBytes(), "decompressedBytes");
            if (count > Limits.RATIO_FLOOR && count > limits.compressionRatio() * compressed.count) {
                throw Limits.exceeded(source, "a gzip compression ratio of " + count / Math.max(1, compressed.count)
                        + ":1", BigDecimal.valueOf(limits.compressionRatio()).stripTrailingZeros().toPlainString() + ":1",
                        "compressionRatio");
            }
        }
    }
}
