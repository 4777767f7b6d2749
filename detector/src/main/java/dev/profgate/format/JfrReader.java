package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JDK Flight Recorder file (written by the JDK or by async-profiler) into one profile with the columns
 * {@code samples/count}, {@code cpu/nanoseconds} ({@code jdk.ExecutionSample} at the recording's sampling
 * period), {@code alloc_samples/count}, {@code alloc_space/bytes} ({@code jdk.ObjectAllocationSample}, else the
 * TLAB events), {@code contentions/count}, {@code delay/nanoseconds} ({@code jdk.JavaMonitorEnter}),
 * {@code parks/count}, {@code park_delay/nanoseconds} ({@code jdk.ThreadPark}), each only when it has events,
 * and a timeline entry per event. Events are read one at a time; nothing but stacks, values and timestamps is kept.
 */
public final class JfrReader {
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private JfrReader() {
    }

    /** Reads the recording in {@code file}; {@code source} names it in the profile and in errors. */
    public static Profile read(Path file, String source) {
        checkMagic(file, source);
        JfrProfileBuilder builder = new JfrProfileBuilder(source);
        try (RecordingFile recording = open(file, source)) {
            boolean more = true;
            while (more) {
                more = readNext(recording, builder, source);
            }
        } catch (IOException e) {
            throw corrupt(source, e);
        }
        return builder.build();
    }

    /** Reads a recording from a stream: spools it to a private temporary file (the JFR parser needs a file), deleted afterwards. */
    public static Profile read(InputStream in, String source) {
        Path spool = null;
        try {
            spool = Files.createTempFile("profgate-", ".jfr");
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            return read(spool, source);
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read: " + e.getMessage(), e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private static RecordingFile open(Path file, String source) {
        try {
            return new RecordingFile(file);
        } catch (IOException | RuntimeException | InternalError e) {
            throw corrupt(source, e);
        }
    }

    /** Reads one event into the builder; false at the end. Whatever the JFR parser throws means a corrupt file. */
    private static boolean readNext(RecordingFile recording, JfrProfileBuilder builder, String source) {
        try {
            if (!recording.hasMoreEvents()) {
                return false;
            }
            builder.accept(recording.readEvent());
            return true;
        } catch (IOException | RuntimeException | InternalError e) {
            throw corrupt(source, e);
        }
    }

    private static void checkMagic(Path file, String source) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAGIC.length);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, "no such file");
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new BadInputException(source, "empty file, not a JFR recording");
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new BadInputException(source, "not a JFR recording (no FLR magic at the start)");
        }
    }

    private static BadInputException corrupt(String source, Throwable e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new BadInputException(source, "truncated or corrupt JFR recording (" + detail + ")", e);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
