package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.Profile;
import dev.profgate.model.StackSamples;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** The profile formats profgate reads, detected from a file's first bytes, never from its name. */
public enum ProfileFormat {
    PPROF, JFR, COLLAPSED;

    private static final int PEEK = 512;

    /** Reads {@code file} with the reader of its detected format, within the default {@link Limits}. */
    public static Profile read(Path file) {
        return read(file, Limits.defaults());
    }

    /** Reads {@code file} with the reader of its detected format, within {@code limits}. */
    public static Profile read(Path file, Limits limits) {
        return read(file, limits, (format, source) -> switch (format) {
            case JFR -> JfrReader.read(file, source);
            case COLLAPSED -> readCollapsed(file, source, limits);
            case PPROF -> readPprof(file, source, limits);
        });
    }

    /**
     * Reads the samples of sample type {@code type} (null: the profile's default) of {@code file}, within
     * {@code limits}: a pprof profile straight into {@link StackSamples} without a call tree, the others through
     * their {@link Profile}.
     */
    public static StackSamples readSamples(Path file, String type, Limits limits) {
        return read(file, limits, (format, source) -> format == PPROF ? readPprofSamples(file, source, limits, type)
                : StackSamples.of(read(file, limits), type));
    }

    /** Reads a detected format into a result. */
    private interface FormatReader<T> {
        T read(ProfileFormat format, String source) throws IOException;
    }

    private static <T> T read(Path file, Limits limits, FormatReader<T> reader) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(source, "is a directory, expected a profile file");
            }
            if (Files.size(file) == 0) {
                throw new BadInputException(source, "empty file");
            }
            limits.checkFileBytes(source, file);
            return reader.read(detect(file), source);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, "no such file");
        } catch (EOFException | ZipException e) {
            throw new BadInputException(source, "truncated or corrupt gzip data");
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Detects the format: JFR magic {@code FLR\0}; text lines of folded stacks (plain or gzipped); the fields of a
     * pprof {@code Profile} (plain or gzipped). Any other content is a {@link BadInputException} naming the file: one
     * of pprof's legacy formats with the command that converts it ({@link LegacyPprof}), else not a profile.
     */
    public static ProfileFormat detect(Path file) throws IOException {
        return recognise(file).orElseThrow(() -> new BadInputException(file.toString(),
                "not a recognised profile (pprof, JFR, collapsed stacks)"));
    }

    /**
     * The format of {@code file} told from its content (as {@link #detect}), or empty when the content is none of
     * them: an empty file, text that is not folded stacks (a README, JSON), or binary data that does not begin as a
     * pprof {@code Profile} does (see {@link PprofSignature}). Throws when gzip data cannot be decompressed, and a
     * {@link BadInputException} for a profile in one of pprof's legacy formats.
     */
    public static Optional<ProfileFormat> recognise(Path file) throws IOException {
        byte[] head = peek(Files.newInputStream(file));
        if (head.length >= 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0) {
            return Optional.of(JFR);
        }
        if (isGzip(head)) {
            head = peek(new GZIPInputStream(Files.newInputStream(file)));
        }
        LegacyPprof.refuse(file, head);
        if (looksLikeText(head)) {
            return Optional.of(COLLAPSED);
        }
        return !isPrintable(head) && PprofSignature.matches(head) ? Optional.of(PPROF) : Optional.empty();
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static Profile readCollapsed(Path file, String source, Limits limits) throws IOException {
        try (InputStream in = GzipBytes.open(Files.newInputStream(file), source, limits)) {
            return CollapsedReader.read(in, source, limits);
        }
    }

    private static Profile readPprof(Path file, String source, Limits limits) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PprofReader.read(in, source, limits);
        }
    }

    private static StackSamples readPprofSamples(Path file, String source, Limits limits, String type)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PprofReader.readSamples(in, source, limits, type);
        }
    }

    private static byte[] peek(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            return in.readNBytes(PEEK);
        } catch (EOFException e) {
            return new byte[0];
        }
    }

    /**
     * Text throughout, as prose, JSON or YAML are: no control character but tab and line breaks. No pprof
     * {@code Profile} is, as its first field's fields begin with control characters.
     */
    private static boolean isPrintable(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Folded stacks: printable UTF-8 text whose first line ends in a space and a number or is longer than the peek. */
    private static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            byte b = head[end];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r') {
                return false;
            }
            end++;
        }
        if (end == PEEK) {
            return true; // printable text without a line break yet: a collapsed stack deeper than the peek
        }
        String first = new String(head, 0, end, java.nio.charset.StandardCharsets.UTF_8).strip();
        return first.matches("(?s).*\\S \\d+");
    }
}
