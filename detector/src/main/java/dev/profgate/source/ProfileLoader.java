package dev.profgate.source;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves the arguments of one side (files, directories, globs) to profiles, one replicate per file. A file named
 * explicitly must be a profile. In a directory (or a glob's matches) hidden files are ignored and the others are
 * profiles unless they are notes and manifests by name (.md, .json, .yml, .yaml) or hold no profile format by content
 * (a marker file, a text that is not folded stacks, an archive): those are skipped, and named in a note.
 */
public final class ProfileLoader {
    private static final List<String> NOT_PROFILES = List.of(".md", ".json", ".yml", ".yaml");

    private ProfileLoader() {
    }

    /** Loads every profile named by {@code specs} within the default {@link Limits}; each must contain samples. */
    public static List<Profile> load(List<String> specs) {
        return load(specs, Limits.defaults());
    }

    /** {@link #load(List, ProfileFiles, Limits)} of the files {@code specs} name. */
    public static List<Profile> load(List<String> specs, Limits limits) {
        return load(specs, find(specs), limits);
    }

    /**
     * Loads the profiles of {@code files}, found from {@code specs}, within {@code limits}; each must contain samples.
     * The replicates of a side are a set: they are loaded in path order, whatever order they were named in, so that
     * sums over them, and the reports, do not depend on the command line's order.
     */
    public static List<Profile> load(List<String> specs, ProfileFiles files, Limits limits) {
        List<Path> paths = files.profiles().stream().sorted().toList();
        Limits.check(String.join(" ", specs), paths.size() + " replicates", paths.size(), limits.replicates(),
                "replicates");
        List<Profile> profiles = new ArrayList<>();
        for (Path file : paths) {
            Profile profile = ProfileFormat.read(file, limits);
            if (profile.isEmpty()) {
                throw new BadInputException(file.toString(), "profile has no samples");
            }
            profiles.add(profile);
        }
        return profiles;
    }

    /** The profile files named by {@code specs}, in a stable order: directories listed by name, globs expanded. */
    public static List<Path> resolve(List<String> specs) {
        return find(specs).profiles();
    }

    /** The profile files named by {@code specs} (as {@link #resolve}) and the files skipped in their folders. */
    public static ProfileFiles find(List<String> specs) {
        List<Path> profiles = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (String spec : specs) {
            ProfileFiles found = find(spec);
            profiles.addAll(found.profiles());
            skipped.addAll(found.skipped());
        }
        return new ProfileFiles(profiles, skipped);
    }

    private static ProfileFiles find(String spec) {
        if (isGlob(spec)) {
            return inFolder(spec, glob(spec), "no profile matches");
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return inFolder(spec, list(path, spec), "directory contains no profiles");
        }
        if (!Files.exists(path)) {
            throw new BadInputException(spec, "no such file or directory");
        }
        return new ProfileFiles(List.of(path), List.of());
    }

    /** The profiles among {@code files}, listed from a folder; the rest are skipped. At least one must be a profile. */
    private static ProfileFiles inFolder(String spec, List<Path> files, String noProfile) {
        Map<Boolean, List<Path>> byKind = files.stream().collect(Collectors.partitioningBy(ProfileLoader::isProfile));
        ProfileFiles found = new ProfileFiles(byKind.get(true), byKind.get(false));
        if (found.profiles().isEmpty()) {
            throw new BadInputException(spec, noProfile
                    + (found.skipped().isEmpty() ? "" : " (skipped, not a profile: " + found.skippedNames() + ")"));
        }
        return found;
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
        return Files.isDirectory(dir)
                ? list(dir, spec).stream().filter(p -> matcher.matches(p.getFileName())).toList()
                : List.of();
    }

    private static List<Path> list(Path dir, String spec) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(spec, "cannot list directory: " + e.getMessage());
        }
    }

    /**
     * Whether a file found in a folder is read as a profile: not a note or manifest by name, and a profile format by
     * content. A file that cannot be told (unreadable, corrupt compressed data) is read, so that reading it names the
     * problem.
     */
    private static boolean isProfile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (NOT_PROFILES.stream().anyMatch(name::endsWith)) {
            return false;
        }
        try {
            return ProfileFormat.recognise(file).isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
