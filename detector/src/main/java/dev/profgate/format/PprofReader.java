package dev.profgate.format;

import dev.profgate.model.Profile;
import java.io.InputStream;

/**
 * Reads a pprof profile, gzipped or raw protobuf (told apart by the gzip magic bytes, not the file name), with
 * every sample type's values. Malformed input is a {@link dev.profgate.BadInputException} naming the problem; a
 * profile without samples is not an error here (the caller decides).
 */
public final class PprofReader {
    private PprofReader() {
    }

    public static Profile read(InputStream in, String source) {
        byte[] data = GzipBytes.read(in, source);
        return PprofConverter.convert(PprofDecoder.decode(data, source), source);
    }
}
