package dev.profgate.cli;

import dev.profgate.analysis.Verdict;
import dev.profgate.report.ReportData;
import dev.profgate.report.ReportFormat;
import dev.profgate.report.TextStyle;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every gate command (compare, deploy-check, bench) does with its report: the run writes it to {@code --out}
 * under the name {@code --gate}; this prints it in {@code --format}, names the folder, publishes it to GitHub with
 * {@code --github}, and turns the verdict into the exit code of {@code --fail-on}.
 */
final class ReportDeliveryMixin {
    @Mixin
    private OutMixin out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report printed on standard output: text, markdown, json, junit, sarif, html or svg; for "
                    + "bench text, markdown or json (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--gate", paramLabel = "NAME",
            description = "Gate name in the PR comment marker (default: bench for bench, else the profile type).")
    String gate;

    @Mixin
    private FailOnMixin failOn;

    @Option(names = "--no-color", description = "No colours on standard output (also NO_COLOR=1; none when it is "
            + "not a terminal).")
    boolean noColor;

    @Option(names = "--github", description = "Publish the reports of --out to GitHub (as 'publish github' does).")
    boolean github;

    @Mixin
    private GitHubPublishMixin publishing;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The report folder given, or null. */
    Path folder() {
        return out.folder;
    }

    /** Refuses {@code --github} without a report folder to publish. */
    void requireFolder() {
        if (github && folder() == null) {
            throw BaseCommand.usage(command, "--github publishes the report folder: give --out DIR");
        }
    }

    /** Prints {@code report} in the format asked, publishes the folder when asked, and returns the exit code. */
    int deliver(ReportData report) {
        return deliver(format.render(report, textStyle()), report.comparison().verdict());
    }

    /** How the text report is laid out on standard output: the terminal's width, colours on a terminal only. */
    TextStyle textStyle() {
        return TextStyle.forStandardOutput(System.getenv(), System.console() != null, noColor);
    }

    /** Prints {@code rendered}, publishes the folder when asked, and returns the exit code of {@code verdict}. */
    int deliver(String rendered, Verdict verdict) {
        PrintWriter stdout = command.commandLine().getOut();
        stdout.print(rendered);
        stdout.flush();
        PrintWriter err = command.commandLine().getErr();
        if (folder() != null) {
            err.println("profgate: reports written to " + folder());
            err.flush();
        }
        if (github) {
            publishing.publish(folder(), failOn.value, err);
        }
        return failOn.value.exitCode(verdict);
    }
}
