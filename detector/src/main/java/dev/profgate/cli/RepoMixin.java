package dev.profgate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --repo DIR} option: the git repository whose revisions are built or whose commits are attributed. */
final class RepoMixin {
    @Option(names = "--repo", paramLabel = "DIR", description = "Git repository (default: the working directory).")
    private Path dir;

    /** The repository given, else the working directory. */
    Path dir() {
        return dir != null ? dir : Path.of("");
    }
}
