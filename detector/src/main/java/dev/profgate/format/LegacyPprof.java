package dev.profgate.format;

import dev.profgate.base.BadInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profiles Go and gperftools wrote before pprof's protobuf format, as {@code go tool pprof} still reads them
 * (google/pprof, {@code profile/legacy_profile.go}): text heap profiles ({@code heap profile: 1: 2 [3: 4] @ heap/...}),
 * contention and mutex profiles ({@code --- contention:}, {@code --- mutex:}), goroutine and thread counts
 * ({@code goroutine profile: total 9}), Java heapz and contentionz, threadz, and the binary CPU profile (a header of
 * five 32- or 64-bit words, either byte order: 0, 3, 0 or 1, the period, 0). profgate reads none of them: it says
 * what the file is and how to convert it.
 */
final class LegacyPprof {
    private static final Pattern COUNT = Pattern.compile("(\\w+) profile: total \\d+");

    private LegacyPprof() {
    }

    /** Refuses {@code file} when {@code head}, its first (decompressed) bytes, begin a legacy profile. */
    static void refuse(Path file, byte[] head) {
        kind(head).ifPresent(kind -> {
            throw new BadInputException(file.toString(), "a legacy pprof " + kind + " profile, which profgate does "
                    + "not read; convert it to the protobuf format: go tool pprof -proto " + file + " > " + file
                    + ".pb.gz");
        });
    }

    /** What legacy profile {@code head} begins: {@code heap}, {@code contention}, {@code CPU}, ...; else empty. */
    static Optional<String> kind(byte[] head) {
        if (isCpuHeader(head)) {
            return Optional.of("CPU");
        }
        String line = firstLine(head);
        if (line.startsWith("heap profile:") || line.equals("--- heapz 1 ---")) {
            return Optional.of("heap");
        }
        if (line.startsWith("--- contention")) {
            return Optional.of("contention");
        }
        if (line.startsWith("--- mutex:")) {
            return Optional.of("mutex");
        }
        if (line.startsWith("--- threadz ") || line.startsWith("--- Thread ")) {
            return Optional.of("thread");
        }
        Matcher count = COUNT.matcher(line);
        return count.matches() ? Optional.of(count.group(1)) : Optional.empty();
    }

    /** The first line that is neither blank nor a {@code #} comment, trimmed. */
    private static String firstLine(byte[] head) {
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return trimmed;
            }
        }
        return "";
    }

    private static boolean isCpuHeader(byte[] head) {
        for (int width : new int[] {4, 8}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                if (head.length >= 5 * width && isCpuHeader(ByteBuffer.wrap(head).order(order), width)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCpuHeader(ByteBuffer words, int width) {
        long[] w = new long[5];
        for (int i = 0; i < w.length; i++) {
            w[i] = width == 4 ? words.getInt(i * 4) & 0xffffffffL : words.getLong(i * 8);
        }
        return w[0] == 0 && w[1] == 3 && (w[2] == 0 || w[2] == 1) && w[3] != 0 && w[4] == 0;
    }
}
