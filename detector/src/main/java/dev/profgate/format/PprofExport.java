package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Converts any readable profile file into gzipped pprof. Only what the model holds is carried over (sample types,
 * stacks, values, and per-sample timestamps where the input has them), so whatever else the input held, such as
 * the environment variables, system properties and JVM arguments of a JFR recording, never reaches the output: this
 * is how stored baselines are made.
 */
public final class PprofExport {
    private PprofExport() {
    }

    /**
     * Reads {@code in} (format detected from its content) within {@code limits}, writes it to {@code out} and returns
     * what was read.
     */
    public static Profile convert(Path in, Path out, Limits limits) {
        Profile profile = ProfileFormat.read(in, limits);
        if (profile.isEmpty()) {
            throw new BadInputException(in.toString(), "profile has no samples");
        }
        write(profile, out);
        return profile;
    }

    /** Writes {@code profile} to {@code out} through a hidden file beside it, so a failure leaves no partial file. */
    public static void write(Profile profile, Path out) {
        Path partial = out.resolveSibling("." + out.getFileName() + ".partial");
        try {
            writeGzipped(profile, partial);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new BadInputException(out.toString(), "cannot write: no such directory");
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(out.toString(), "cannot write (" + e.getMessage() + ")");
        } finally {
            deleteIfPresent(partial);
        }
    }

    private static void writeGzipped(Profile profile, Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file)) {
            PprofWriter.write(profile, stream);
        }
    }

    private static void deleteIfPresent(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
