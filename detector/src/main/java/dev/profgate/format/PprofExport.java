package dev.profgate.format;

import dev.profgate.BadInputException;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Converts any readable profile file into gzipped pprof. Only what the model holds is carried over (sample types,
 * stacks, values), so whatever else the input held, such as the environment variables, system properties and JVM
 * arguments of a JFR recording, never reaches the output: this is how stored baselines are made.
 */
public final class PprofExport {
    private PprofExport() {
    }

    /** Reads {@code in} (format detected from its content), writes it to {@code out} and returns what was read. */
    public static Profile convert(Path in, Path out) {
        Profile profile = ProfileFormat.read(in);
        if (profile.isEmpty()) {
            throw new BadInputException(in.toString(), "profile has no samples");
        }
        write(profile, out);
        return profile;
    }

    /** Writes {@code profile} to {@code out} through a temporary file beside it, so a failure leaves no partial file. */
    public static void write(Profile profile, Path out) {
        Path directory = out.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, ".profgate-", ".partial");
            try (OutputStream stream = Files.newOutputStream(partial)) {
                PprofWriter.write(profile, stream);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(out.toString(), "cannot write (" + e.getMessage() + ")");
        } finally {
            deleteIfPresent(partial);
        }
    }

    private static void deleteIfPresent(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
