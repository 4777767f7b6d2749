package dev.profgate;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets ({@code *FuzzTest}, Jazzer) share: the one acceptable failure of a parser, a
 * {@link BadInputException} whose message is one line naming the input, and a scratch folder for the inputs of the
 * entry points that read files. Any other exception or error escapes to Jazzer as a finding.
 */
public final class Fuzzing {
    /** The fuzzing time of each target in the default build's short fuzzing pass ({@code JAZZER_FUZZ=1}). */
    public static final String SHORT_PASS = "5s";
    /** Seconds one input may take before it counts as a hang (generous: CI machines are loaded). */
    public static final int HANG_SECONDS = 30;
    private static final Path SCRATCH = scratch();

    private Fuzzing() {
    }

    /** Runs {@code parse}: it must return or throw a {@link BadInputException} of one line starting with {@code input}. */
    public static void expectResultOrInputError(String input, Runnable parse) {
        try {
            parse.run();
        } catch (BadInputException e) {
            checkInputError(input, e.getMessage());
        }
    }

    /** Throws unless {@code message} is one line starting with {@code input}. */
    public static void checkInputError(String input, String message) {
        if (!message.startsWith(input) || message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new AssertionError("not a one-line error naming " + input + ": " + message);
        }
    }

    /** Writes {@code data} to the file {@code name} of this JVM's scratch folder (in memory when /dev/shm exists). */
    public static Path file(String name, byte[] data) {
        try {
            Path file = Files.write(SCRATCH.resolve(name), data);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scratch folder, for targets that build a folder of files. */
    public static Path scratchFolder() {
        return SCRATCH;
    }

    /** Uses a profile as the commands do: every column's sample counts aggregated per function. */
    public static void use(Profile profile) {
        for (int type = 0; type < profile.header().sampleTypes().size(); type++) {
            FunctionTotals.of(profile, profile.counts(type), new Dictionary()).grandTotal();
        }
    }

    private static Path scratch() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "profgate-fuzz") : Files.createTempDirectory("profgate-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
