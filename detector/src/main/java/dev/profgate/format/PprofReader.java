package dev.profgate.format;

import dev.profgate.base.Limits;
import dev.profgate.model.Profile;
import dev.profgate.model.StackSamples;
import java.io.InputStream;

/**
 * Reads a pprof profile, gzipped or raw protobuf (told apart by the gzip magic bytes, not the file name), with
 * every sample type's values. Malformed input is a {@link dev.profgate.base.BadInputException} naming the problem; a
 * profile without samples is not an error here (the caller decides).
 */
public final class PprofReader {
    private PprofReader() {
    }

    /** Reads within the default {@link Limits}. */
    public static Profile read(InputStream in, String source) {
        return read(in, source, Limits.defaults());
    }

    /** Reads within {@code limits}; going over one is a {@link dev.profgate.base.BadInputException} naming it. */
    public static Profile read(InputStream in, String source, Limits limits) {
        byte[] data = GzipBytes.read(in, source, limits);
        return PprofConverter.convert(PprofDecoder.decode(data, source, limits), source, limits);
    }

    /** Reads the samples of sample type {@code type} (null: the default) within {@code limits}, see {@link StackSamples}. */
    public static StackSamples readSamples(InputStream in, String source, Limits limits, String type) {
        byte[] data = GzipBytes.read(in, source, limits);
        return PprofConverter.samples(PprofDecoder.decode(data, source, limits), source, limits, type);
    }
}
