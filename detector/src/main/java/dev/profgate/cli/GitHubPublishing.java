package dev.profgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** A gate command's {@code --github}: publish the report folder of {@code --out} once it is written. */
final class GitHubPublishing {
    @Option(names = "--github", description = "Publish the reports of --out to GitHub (as 'publish github' does).")
    boolean asked;

    @Mixin
    GitHubOptions github;

    /** Refuses {@code --github} without a report folder to publish. */
    void requireFolder(CommandSpec spec, Path out) {
        if (asked && out == null) {
            throw new ParameterException(spec.commandLine(), "--github publishes the report folder: give --out DIR");
        }
    }

    /** Publishes {@code out} when {@code --github} was given. */
    void publishIfAsked(Path out, FailOn failOn, PrintWriter err) {
        if (asked) {
            github.publish(out, failOn, err);
        }
    }
}
