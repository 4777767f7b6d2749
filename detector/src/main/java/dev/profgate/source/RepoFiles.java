package dev.profgate.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The files of the checked-out repository ({@code git ls-files}) and the mapping of a profile's frame to one of
 * them. A frame's file, as the profile spells it, matches a repository path when one ends with the other at a
 * folder boundary: an absolute build path ({@code /home/runner/work/app/app/internal/pay.go}) ends with the
 * repository path, a JVM source path ({@code com/acme/Pay.java}) is the end of one
 * ({@code service/src/main/java/com/acme/Pay.java}). Without a file, a JVM function name
 * ({@code com.acme.Pay$Inner.lambda$run$0}) gives its outer class's source path. A frame maps only when exactly one
 * file matches; several matches are narrowed by the function's class.
 */
public final class RepoFiles {
    private static final List<String> JVM_SOURCE_SUFFIXES = List.of(".java", ".kt", ".scala", ".groovy");
    /** No repository: no frame maps to a file. */
    public static final RepoFiles NONE = new RepoFiles(List.of());
    private final Map<String, List<String>> byName = new HashMap<>();

    RepoFiles(List<String> paths) {
        for (String path : paths) {
            byName.computeIfAbsent(fileName(path), name -> new ArrayList<>()).add(path);
        }
    }

    /** The repository files {@code paths}, repository-relative as {@code git ls-files --full-name} lists them. */
    public static RepoFiles listing(List<String> paths) {
        return new RepoFiles(paths);
    }

    /** The files git tracks in the checkout that holds {@code workspace} (all of it, from a subfolder too); empty when it is not a git checkout (the reason in {@code notes}). */
    public static RepoFiles of(Path workspace, List<String> notes) {
        try {
            Process git = new ProcessBuilder("git", "-C", workspace.toString(), "ls-files", "-z", "--full-name", "--", ":/")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                git.destroyForcibly();
                notes.add("no git checkout in " + workspace + ": findings are not placed on the repository's files");
                return NONE;
            }
            return listing(List.of(listing.split("\0")).stream().filter(p -> !p.isEmpty()).toList());
        } catch (IOException e) {
            notes.add("git not found (" + e.getMessage() + "): findings are not placed on the repository's files");
            return NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NONE;
        }
    }

    /** The repository path of a frame in {@code file} (may be empty) of {@code function}, if exactly one matches. */
    public Optional<String> resolve(String file, String function) {
        String profilePath = normalise(file);
        List<String> matches = profilePath.isEmpty() ? List.of() : byFile(profilePath);
        Optional<String> classPath = jvmSourcePath(function);
        if (matches.size() > 1 && classPath.isPresent()) {
            matches = matches.stream().filter(p -> endsWithPath(p, classPath.get())).toList();
        }
        if (matches.isEmpty() && classPath.isPresent()) {
            matches = JVM_SOURCE_SUFFIXES.stream().flatMap(suffix -> byFile(classPath.get() + suffix).stream())
                    .toList();
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private List<String> byFile(String profilePath) {
        return byName.getOrDefault(fileName(profilePath), List.of()).stream()
                .filter(repoPath -> endsWithPath(profilePath, repoPath) || endsWithPath(repoPath, profilePath))
                .toList();
    }

    /** The outer class of a JVM function name as a path without extension ({@code com/acme/Pay}), if it is one. */
    static Optional<String> jvmSourcePath(String function) {
        int method = function.lastIndexOf('.');
        if (method <= 0 || function.contains("/") || function.contains(" ")) {
            return Optional.empty();
        }
        String outerClass = function.substring(0, method).split("\\$", 2)[0];
        int simpleName = outerClass.lastIndexOf('.') + 1;
        if (outerClass.isEmpty() || !Character.isUpperCase(outerClass.charAt(simpleName))) {
            return Optional.empty();
        }
        return Optional.of(outerClass.replace('.', '/'));
    }

    private static boolean endsWithPath(String longer, String shorter) {
        return longer.equals(shorter) || longer.endsWith("/" + shorter);
    }

    private static String normalise(String file) {
        String path = file == null ? "" : file.replace('\\', '/');
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("./") ? 2 : 1);
        }
        return path;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
