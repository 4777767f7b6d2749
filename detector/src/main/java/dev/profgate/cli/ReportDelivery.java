package dev.profgate.cli;

import dev.profgate.report.ReportData;
import dev.profgate.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What every gate command does with its finished report: print it in {@code --format}, name the report folder,
 * publish that folder to GitHub with {@code --github}, and turn the verdict into the exit code of {@code --fail-on}.
 */
final class ReportDelivery {
    @Option(names = "--format", paramLabel = "text|markdown|json|junit|sarif|html|svg", defaultValue = "text",
            description = "What to print on standard output (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--fail-on", paramLabel = "fail|warn|never", defaultValue = "fail",
            description = "Verdict from which the exit code is 1 (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Mixin
    GitHubPublishing github;

    /** Refuses {@code --github} without a report folder to publish. */
    void requireFolder(CommandSpec spec, Path out) {
        github.requireFolder(spec, out);
    }

    /** Prints {@code result}, publishes {@code out} when asked, and returns the exit code. */
    int deliver(CommandSpec spec, ReportData result, Path out) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(format.render(result));
        stdout.flush();
        if (out != null) {
            spec.commandLine().getErr().println("profgate: reports written to " + out);
        }
        github.publishIfAsked(out, failOn, spec.commandLine().getErr());
        return failOn.exitCode(result.comparison().verdict());
    }
}
