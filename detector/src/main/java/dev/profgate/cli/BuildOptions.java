package dev.profgate.cli;

import dev.profgate.bench.BenchRun;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How git revisions are built into benchmark jars ({@code --build}, {@code --jar}, {@code --repo}), for bench and bisect. */
final class BuildOptions {
    @Option(names = "--build", paramLabel = "CMD",
            description = "Build command, run by sh -c in a temporary git worktree of each revision.")
    String command;

    @Option(names = "--jar", paramLabel = "PATH", description = "The benchmarks jar the build makes, relative to the worktree.")
    String jar;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Git repository of the revisions (default: the working directory).")
    Path repo;

    @Option(names = "--build-timeout", paramLabel = "DURATION", defaultValue = "30m",
            converter = DurationConverter.class, description = "Time limit of each build (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** True when {@code --build} and {@code --jar} are both given. */
    boolean complete() {
        return command != null && jar != null;
    }

    /** True when {@code --build} or {@code --jar} is given. */
    boolean any() {
        return command != null || jar != null;
    }

    /** The build settings given. */
    BenchRun.Build build() {
        return new BenchRun.Build(repo, command, jar, timeout);
    }
}
