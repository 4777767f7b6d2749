package dev.profgate.report;

import dev.profgate.analysis.SourceRef;
import dev.profgate.source.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Frames placed on lines of the repository the run was made in: a frame's source (its file as the profile names
 * it, and its line) and function give a repository path when the line is known and exactly one file matches
 * ({@link RepoFiles#resolve}).
 */
public record RepoLines(RepoFiles files) {
    /** No repository: nothing is placed. */
    public static final RepoLines NONE = new RepoLines(RepoFiles.NONE);

    /**
     * The lines of the git checkout that holds the working directory, where a CI job runs profgate; {@link #NONE}
     * outside one (no note: a report made outside a repository simply links nothing).
     */
    public static RepoLines ofWorkingDirectory() {
        return new RepoLines(RepoFiles.of(Path.of("").toAbsolutePath(), new ArrayList<>()));
    }

    /** The repository path of the line {@code source} of {@code function}, if it is placed. */
    public Optional<String> path(SourceRef source, String function) {
        if (source == null || source.line() <= 0) {
            return Optional.empty();
        }
        return files.resolve(source.file() == null ? "" : source.file(), function);
    }
}
