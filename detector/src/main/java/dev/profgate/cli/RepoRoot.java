package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/** Finds the profgate repository: the working directory or a parent of it, else a parent of the running jar. */
final class RepoRoot {
    private RepoRoot() {
    }

    /** The first folder, from the working directory up and then from the jar up, that contains {@code relative}. */
    static Path containing(String relative) {
        for (Path start : starts()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(relative))) {
                    return dir;
                }
            }
        }
        throw new BadInputException(relative, "not found in the working directory or its parents, nor beside the "
                + "profgate jar; run from the repository root");
    }

    private static List<Path> starts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        CodeSource code = RepoRoot.class.getProtectionDomain().getCodeSource();
        if (code != null) {
            try {
                starts.add(Path.of(code.getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("jar location is not a file URI: " + code.getLocation(), e);
            }
        }
        return starts;
    }
}
