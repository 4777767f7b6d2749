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
import java.util.HexFormat;

/**
 * The windows of one query already fetched, in {@code folder}: one gzipped pprof file per window named by its start
 * and end ({@code 2026-03-02T14-00-00Z_2026-03-02T15-00-00Z.pb.gz}), an empty file for a window without samples.
 * Each file is written under a temporary name and moved into place, so a reader never sees half a window.
 */
public record WindowCache(Path folder) {
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

    private Path file(TimeRange range) {
        return folder.resolve(name(range.startMs()) + "_" + name(range.endMs()) + ".pb.gz");
    }

    private static String name(long millis) {
        return Instant.ofEpochMilli(millis).toString().replace(':', '-');
    }
}
