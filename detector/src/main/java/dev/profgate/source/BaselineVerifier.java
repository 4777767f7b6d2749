package dev.profgate.source;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a baseline folder against its manifest before anything in it is used: the manifest is well formed, every
 * listed file is there with its SHA-256, and nothing else is (no extra file, folder or symbolic link).
 */
final class BaselineVerifier {
    private static final String TAMPERED = "tampered or corrupt baseline: ";
    private static final List<String> FOLDERS = List.of(BaselineManifest.PROFILES, BaselineManifest.JMH);
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private BaselineVerifier() {
    }

    /**
     * The manifest of the baseline in {@code dir}, read within {@code limits}, once every check passed; {@code input}
     * names it in errors.
     */
    static BaselineManifest verify(Path dir, String input, Limits limits) {
        BaselineManifest manifest = ManifestJson.read(dir.resolve(BaselineManifest.FILE_NAME), input, limits);
        Set<String> listed = listedPaths(manifest, input);
        try {
            checkNoOtherEntries(dir, listed, input);
            for (BaselineManifest.StoredFile file : manifest.files()) {
                checkFile(dir, file, input);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(input, "cannot read the baseline: " + e.getMessage(), e);
        }
        return manifest;
    }

    private static Set<String> listedPaths(BaselineManifest manifest, String input) {
        Set<String> listed = new HashSet<>();
        for (BaselineManifest.StoredFile file : manifest.files()) {
            String[] parts = file.path().split("/", -1);
            if (parts.length != 2 || !FOLDERS.contains(parts[0]) || !isPlainName(parts[1])) {
                throw malformed(input, "file path '" + file.path() + "' is not profiles/NAME or jmh/NAME");
            }
            if (!listed.add(file.path())) {
                throw malformed(input, "file " + file.path() + " is listed twice");
            }
        }
        if (manifest.profiles().isEmpty()) {
            throw malformed(input, "it lists no profiles");
        }
        return listed;
    }

    /** A file name that cannot leave its folder or hide: no separators, no control characters, no leading dot. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.chars().noneMatch(c -> c == '\\' || c < 0x20);
    }

    private static void checkNoOtherEntries(Path dir, Set<String> listed, String input) throws IOException {
        try (Stream<Path> entries = Files.walk(dir)) {
            for (Path entry : (Iterable<Path>) entries.skip(1)::iterator) {
                String path = relative(dir, entry);
                boolean expected = Files.isDirectory(entry, NOFOLLOW) ? FOLDERS.contains(path)
                        : Files.isRegularFile(entry, NOFOLLOW)
                        && (path.equals(BaselineManifest.FILE_NAME) || listed.contains(path));
                if (!expected) {
                    throw new BadInputException(input, TAMPERED + "unexpected " + path + " (not in manifest.json)");
                }
            }
        }
    }

    private static void checkFile(Path dir, BaselineManifest.StoredFile file, String input) throws IOException {
        Path path = dir.resolve(file.path());
        if (!Files.isRegularFile(path, NOFOLLOW)) {
            throw new BadInputException(input, TAMPERED + file.path() + " is missing (listed in manifest.json)");
        }
        if (!Sha256.of(path).equals(file.sha256())) {
            throw new BadInputException(input, TAMPERED + file.path() + " does not match its SHA-256 in manifest.json");
        }
    }

    private static String relative(Path dir, Path entry) {
        return dir.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
    }

    private static BadInputException malformed(String input, String problem) {
        return new BadInputException(input, "malformed manifest.json (" + problem + ")");
    }
}
