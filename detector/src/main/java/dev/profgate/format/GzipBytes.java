package dev.profgate.format;

import dev.profgate.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reads a whole input, decompressing it when it starts with the gzip magic bytes (1f 8b), whatever its name. */
final class GzipBytes {
    private static final int BUFFER = 1 << 16;

    private GzipBytes() {
    }

    /** The input's bytes, decompressed if gzipped; never empty. */
    static byte[] read(InputStream in, String source) {
        byte[] raw;
        try {
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read (" + e.getMessage() + ")");
        }
        if (raw.length == 0) {
            throw new BadInputException(source, "empty file");
        }
        if (!ProfileFormat.isGzip(raw)) {
            return raw;
        }
        byte[] data = gunzip(raw, source);
        if (data.length == 0) {
            throw new BadInputException(source, "gzip data decompresses to nothing");
        }
        return data;
    }

    private static byte[] gunzip(byte[] raw, String source) {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw), BUFFER)) {
            return gz.readAllBytes();
        } catch (EOFException e) {
            throw new BadInputException(source, "truncated gzip data (the file ends inside the compressed stream)");
        } catch (IOException e) {
            throw new BadInputException(source, "corrupt gzip data (" + e.getMessage() + ")");
        }
    }
}
