package dev.profgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Folders written atomically: filled under a hidden sibling name, then renamed into place, so a reader sees the
 * old folder or the new one, never a half-written one. Used for report folders and stored baselines.
 */
public final class Folders {
    private Folders() {
    }

    /** A hidden, unused sibling name of {@code target} (created with the default permissions, unlike temp dirs). */
    public static Path hiddenSibling(Path target, String role) {
        return target.resolveSibling("." + target.getFileName() + "." + role + "-" + UUID.randomUUID());
    }

    /** Renames {@code staging} to {@code target}; an earlier {@code target} is moved aside first, removed after. */
    public static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = hiddenSibling(target, "old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /** Removes {@code target} as a whole: renamed to a hidden sibling first, so it never appears half-deleted. */
    public static void remove(Path target) throws IOException {
        Path doomed = hiddenSibling(target, "deleted");
        Files.move(target, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    /** Deletes {@code root} and everything below it, if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Folders::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
