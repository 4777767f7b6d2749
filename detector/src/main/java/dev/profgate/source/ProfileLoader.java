package dev.profgate.source;

import dev.profgate.BadInputException;
import dev.profgate.config.Limits;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves the arguments of one side (files, directories, globs) to profiles, one replicate per file.
 * In a directory every regular, non-hidden file is a profile except notes and manifests (.md, .json, .yml, .yaml).
 */
public final class ProfileLoader {
    private static final List<String> NOT_PROFILES = List.of(".md", ".json", ".yml", ".yaml");

    private ProfileLoader() {
    }

    /** Loads every profile named by {@code specs} within the default {@link Limits}; each must contain samples. */
    public static List<Profile> load(List<String> specs) {
        return load(specs, Limits.defaults());
    }

    /**
     * Loads every profile named by {@code specs} within {@code limits}; each must contain samples. The replicates of a
     * side are a set: they are loaded in path order, whatever order they were named in, so that sums over them, and
     * the reports, do not depend on the command line's order.
     */
    public static List<Profile> load(List<String> specs, Limits limits) {
        List<Path> files = resolve(specs).stream().sorted().toList();
        Limits.check(String.join(" ", specs), files.size() + " replicates", files.size(), limits.replicates(),
                "replicates");
        List<Profile> profiles = new ArrayList<>();
        for (Path file : files) {
            Profile profile = ProfileFormat.read(file, limits);
            if (profile.isEmpty()) {
                throw new BadInputException(file.toString(), "profile has no samples");
            }
            profiles.add(profile);
        }
        return profiles;
    }

    /** The files named by {@code specs}, in a stable order: directories listed by name, globs expanded. */
    public static List<Path> resolve(List<String> specs) {
        List<Path> files = new ArrayList<>();
        for (String spec : specs) {
            files.addAll(resolve(spec));
        }
        return files;
    }

    private static List<Path> resolve(String spec) {
        if (isGlob(spec)) {
            return glob(spec);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            List<Path> files = list(path, spec);
            if (files.isEmpty()) {
                throw new BadInputException(spec, "directory contains no profiles");
            }
            return files;
        }
        if (!Files.exists(path)) {
            throw new BadInputException(spec, "no such file or directory");
        }
        return List.of(path);
    }

    private static boolean isGlob(String spec) {
        return spec.indexOf('*') >= 0 || spec.indexOf('?') >= 0 || spec.indexOf('[') >= 0 || spec.indexOf('{') >= 0;
    }

    private static List<Path> glob(String spec) {
        Path pattern = Path.of(spec);
        Path dir = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
        if (isGlob(dir.toString())) {
            throw new BadInputException(spec, "wildcards are supported in the file name only");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        List<Path> files = Files.isDirectory(dir)
                ? list(dir, spec).stream().filter(p -> matcher.matches(p.getFileName())).toList()
                : List.of();
        if (files.isEmpty()) {
            throw new BadInputException(spec, "no profile matches");
        }
        return files;
    }

    private static List<Path> list(Path dir, String spec) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(ProfileLoader::mayBeProfile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(spec, "cannot list directory: " + e.getMessage());
        }
    }

    private static boolean mayBeProfile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return NOT_PROFILES.stream().noneMatch(name::endsWith);
    }
}
