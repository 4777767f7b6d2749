package dev.profgate.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Folders written atomically: filled under a hidden sibling name, then renamed into place, so a reader sees the
 * old folder or the new one, never a half-written one. Used for report folders and stored baselines. A hidden
 * sibling's name carries the id of the process that made it, so one left by a killed process is recognised: before
 * a folder is staged again, such leftovers are deleted, and an old folder moved aside by a process killed before it
 * renamed the new one into place is put back.
 */
public final class Folders {
    private static final Pattern SIBLING = Pattern.compile("\\.(.+)\\.(tmp|old|deleted)-(\\d+)-[0-9a-f-]{1,36}");

    private Folders() {
    }

    /**
     * A hidden, unused sibling name of {@code target} (created with the default permissions, unlike temp dirs): the
     * process id and a random number, not a UUID, whose secure random generator costs some 10 ms to set up.
     */
    public static Path hiddenSibling(Path target, String role) {
        return target.resolveSibling("." + target.getFileName() + "." + role + "-" + ProcessHandle.current().pid()
                + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /**
     * Creates the hidden folder in which {@code target} is filled, after removing the leftovers of processes that
     * were killed while writing it (see the class comment).
     */
    public static Path createStaging(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        removeLeftovers(target);
        return Files.createDirectory(hiddenSibling(target, "tmp"));
    }

    /** Deletes the hidden siblings of {@code target} whose process is gone, restoring a moved-aside old folder. */
    static void removeLeftovers(Path target) throws IOException {
        String name = target.getFileName().toString();
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            leftovers = siblings.filter(p -> isLeftover(p, name)).sorted().toList();
        }
        for (Path leftover : leftovers) {
            if (leftover.getFileName().toString().startsWith("." + name + ".old-") && !Files.exists(target)) {
                Files.move(leftover, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteTree(leftover);
            }
        }
    }

    private static boolean isLeftover(Path sibling, String name) {
        Matcher matcher = SIBLING.matcher(sibling.getFileName().toString());
        return matcher.matches() && matcher.group(1).equals(name)
                && ProcessHandle.of(Long.parseLong(matcher.group(3))).isEmpty();
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

    /**
     * Why writing a folder failed with {@code e}, naming the folder where it failed, never a hidden sibling:
     * {@code permission denied in /srv/reports}, {@code read-only file system in /mnt},
     * {@code /srv/notes is a file, not a folder}.
     */
    public static String whyNotWritten(IOException e) {
        if (!(e instanceof FileSystemException failed) || failed.getFile() == null) {
            return String.valueOf(e.getMessage());
        }
        Path file = Path.of(failed.getFile());
        if (Files.exists(file) && !Files.isDirectory(file)) {
            return file + " is a file, not a folder";
        }
        Path folder = Files.isDirectory(file) && !isSibling(file) ? file : file.getParent();
        while (folder != null && isSibling(folder)) {
            folder = folder.getParent();
        }
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : failed.getReason() != null ? failed.getReason().toLowerCase(Locale.ROOT)
                : e.getClass().getSimpleName();
        return reason + " in " + folder;
    }

    private static boolean isSibling(Path path) {
        return path.getFileName() != null && SIBLING.matcher(path.getFileName().toString()).matches();
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
