package dev.profgate.watch;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Folders;
import dev.profgate.format.PprofWriter;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.TimeRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The windows of one query already fetched, in {@code folder}: one gzipped pprof file per window named by its start
 * and end ({@code 2026-03-02T14-00-00Z_2026-03-02T15-00-00Z.pb.gz}), an empty file for a window without samples.
 * Each file is written under a temporary name and moved into place, so a reader never sees half a window.
 */
public record WindowCache(Path folder) {
    private static final Pattern WINDOW = Pattern.compile(".+_(\\d{4}-\\d{2}-\\d{2})T([\\d.-]+)Z\\.pb\\.gz");

    /** Where caches go unless told: {@code $XDG_CACHE_HOME/profgate/watch}, else {@code ~/.cache/profgate/watch}. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("profgate").resolve("watch");
    }

    /** The cache of the query {@code key} (server, tenant, selector, type, step) under {@code root}. */
    public static WindowCache under(Path root, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new WindowCache(root.resolve(HexFormat.of().formatHex(digest, 0, 8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code range} is in the cache. */
    public boolean has(TimeRange range) {
        return Files.isRegularFile(file(range));
    }

    /** The file of the cached window of {@code range}; null for a window without samples. */
    public Path samples(TimeRange range) {
        Path file = file(range);
        try {
            return Files.size(file) == 0 ? null : file;
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read the cached window: " + e.getMessage());
        }
    }

    /** Stores {@code profile} (null or empty: a window without samples) as the window of {@code range}. */
    public void write(TimeRange range, Profile profile) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".window-", ".tmp");
            try {
                if (profile != null && !profile.isEmpty()) {
                    try (OutputStream out = Files.newOutputStream(temporary)) {
                        PprofWriter.write(profile, out);
                    }
                }
                Files.move(temporary, file(range), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new BadInputException(folder.toString(), "cannot write the window cache: "
                    + Folders.whyNotWritten(e));
        }
    }

    /**
     * Deletes the windows that ended by {@code before} (and the temporary files of writers that died); returns
     * how many windows went.
     */
    public int prune(Instant before) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            int pruned = 0;
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Instant end = end(name);
                if (end != null && !end.isAfter(before) || name.startsWith(".window-") && name.endsWith(".tmp")
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                    pruned += end != null ? 1 : 0;
                }
            }
            return pruned;
        } catch (IOException e) {
            throw new BadInputException(folder.toString(), "cannot prune the window cache: "
                    + Folders.whyNotWritten(e));
        }
    }

    /** The end of the window a cache file named {@code name} holds, or null when it is no window's. */
    private static Instant end(String name) {
        Matcher m = WINDOW.matcher(name);
        if (!m.matches()) {
            return null;
        }
        try {
            return Instant.parse(m.group(1) + "T" + m.group(2).replace('-', ':') + "Z");
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Path file(TimeRange range) {
        return folder.resolve(name(range.startMs()) + "_" + name(range.endMs()) + ".pb.gz");
    }

    private static String name(long millis) {
        return Instant.ofEpochMilli(millis).toString().replace(':', '-');
    }
}
