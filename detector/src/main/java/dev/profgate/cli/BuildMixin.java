package dev.profgate.cli;

import dev.profgate.bench.BenchRun;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How git revisions are built into benchmark jars ({@code --build}, {@code --jar}, {@code --repo}): bench, bisect. */
final class BuildMixin {
    @Option(names = "--build", paramLabel = "CMD",
            description = "Build command, run by sh -c in a temporary git worktree of each revision.")
    private String command;

    @Option(names = "--jar", paramLabel = "PATH",
            description = "The benchmarks jar the build makes, relative to the worktree.")
    private String jar;

    @Mixin
    private RepoMixin repo;

    @Option(names = "--build-timeout", paramLabel = "DURATION", defaultValue = "30m",
            converter = DurationConverter.class, description = "Time limit of each build (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

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
        return new BenchRun.Build(repo.dir(), command, jar, timeout);
    }
}
