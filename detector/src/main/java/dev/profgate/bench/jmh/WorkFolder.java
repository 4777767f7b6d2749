package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The folder a bench run (or a bisection) builds and runs in: {@code keepIn} when given (kept), else a temporary
 * folder removed afterwards (also on Ctrl-C), unless the error that ended the run names a file in it (a log).
 */
public final class WorkFolder {
    private WorkFolder() {
    }

    /** Runs {@code body} in the work folder ({@code keepIn}, or a temporary one named {@code prefix...}). */
    public static <T> T use(Path keepIn, String prefix, Function<Path, T> body) {
        Path work = create(keepIn, prefix);
        Runnable remove = () -> deleteTree(work);
        boolean temporary = keepIn == null;
        if (temporary) {
            ChildProcesses.register(remove);
        }
        boolean keep = false;
        try {
            return body.apply(work);
        } catch (BadInputException e) {
            keep = e.getMessage().contains(work.toString());
            throw e;
        } finally {
            ChildProcesses.unregister(remove);
            if (temporary && !keep) {
                remove.run();
            }
        }
    }

    private static Path create(Path keepIn, String prefix) {
        try {
            return keepIn == null ? Files.createTempDirectory(prefix) : Files.createDirectories(keepIn).toAbsolutePath();
        } catch (IOException e) {
            throw new BadInputException(keepIn == null ? "temporary folder" : keepIn.toString(),
                    "cannot create: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
