package dev.profgate.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input limits ({@code limits} in {@code profgate.yml}, read by the settings): how much of an input profgate reads before it refuses it, so that
 * peak heap is bounded by these numbers and not by the input. Each exceeded limit is a {@link BadInputException}
 * naming the input, the limit, its value and the setting that raises it.
 *
 * <p>Defaults, each with a wide margin over every real fixture (the largest, {@code large.cpu.pb.gz}, is 1.2 MB
 * gzipped, 2.4 MB of protobuf, ~23k functions, stacks under 100 frames) and over the 1,000,000-sample benchmark
 * profile of BENCHMARKS.md (built in memory: 120,000 distinct stacks 10 to 60 frames deep, so as pprof at most
 * 120,000 sample records and, by estimate, a few tens of MB):
 * {@code fileBytes} 256 MiB and {@code decompressedBytes} 512 MiB (the decoder keeps the decompressed bytes and about
 * eight bytes per varint, so this caps it near 4 GiB in the worst case and near 1 GiB for real profiles);
 * {@code compressionRatio} 200, checked once more than {@value #RATIO_FLOOR} bytes have been inflated (real profiles
 * compress 2-30 times; deflate tops out near 1,032, so a bomb of zeros is refused after a megabyte);
 * {@code samples} 10 million (ten times the benchmark); {@code locations} and {@code functions} 5 million and
 * {@code strings} 10 million (over 200 times the largest fixture); {@code stringLength} 64 KiB (long C++ and Scala
 * symbols are a few KiB); {@code stackDepth} 16,384 (eight times async-profiler's maximum default of 2,048 and JFR's
 * 2,048 cap; the 100,000-frame stacks of the tests need it raised); {@code replicates} 200 per side (CI runs keep
 * 3 to 30; each replicate is a whole profile in memory).
 */
public record Limits(long fileBytes, long decompressedBytes, double compressionRatio, long samples, long locations,
        long functions, long strings, long stringLength, int stackDepth, int replicates) {
    /** The section of {@code profgate.yml} that sets the limits. */
    public static final String KEY = "limits";
    /** Inflated bytes before the compression ratio is checked: small, highly repetitive files are no threat. */
    public static final long RATIO_FLOOR = 1 << 20;
    private static final Limits DEFAULTS = new Limits(256L << 20, 512L << 20, 200, 10_000_000, 5_000_000, 5_000_000,
            10_000_000, 64 << 10, 16_384, 200);

    /** The limits without a {@code limits} section. */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /** Throws when {@code value} exceeds the limit {@code setting} of value {@code max}; {@code what} is what it counts. */
    public static void check(String input, String what, long value, long max, String setting) {
        if (value > max) {
            throw exceeded(input, what, max, setting);
        }
    }

    /** Throws when {@code file}, named {@code input} in errors, is larger than {@link #fileBytes} as stored. */
    public void checkFileBytes(String input, Path file) throws IOException {
        check(input, "file bytes", Files.size(file), fileBytes, "fileBytes");
    }

    /** Throws when a stack of {@code depth} frames of {@code input} is deeper than {@link #stackDepth}. */
    public void checkStackDepth(String input, int depth) {
        if (depth > stackDepth) {
            throw exceeded(input, "a stack of " + depth + " frames", stackDepth, "stackDepth");
        }
    }

    /** Throws when a string of {@code length} (characters or bytes) of {@code input} is longer than {@link #stringLength}. */
    public void checkStringLength(String input, long length) {
        if (length > stringLength) {
            throw exceeded(input, "a string of length " + length, stringLength, "stringLength");
        }
    }

    /** The error for {@code what} of {@code input} going over the limit {@code setting} of value {@code max}. */
    public static BadInputException exceeded(String input, String what, Object max, String setting) {
        return new BadInputException(input, what + " over the limit of " + max + " (raise " + KEY + "." + setting
                + " in profgate.yml)");
    }
}
