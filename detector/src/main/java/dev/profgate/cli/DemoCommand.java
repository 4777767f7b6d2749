package dev.profgate.cli;

import dev.profgate.compare.CompareRun;
import dev.profgate.report.ReportData;
import dev.profgate.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profgate demo}: compares the recorded demo baselines (a Java workload whose head compiles a regex per
 * call), writes {@code reports/demo/} and prints the text report; the exit code is the verdict's (it fails).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Compare baselines/demo/base with baselines/demo/head, write reports/demo/, print the verdict.")
final class DemoCommand implements Callable<Integer> {
    static final String BASELINES = "baselines/demo";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: reports/demo in the repository).")
    private Path out;

    @Override
    public Integer call() {
        Path root = RepoRoot.containing(BASELINES);
        Path baselines = root.resolve(BASELINES);
        Path reports = out != null ? out : root.resolve("reports/demo");
        ReportData result = new CompareRun(List.of(baselines.resolve("base").toString()),
                List.of(baselines.resolve("head").toString()), null, null, reports, "demo").execute();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ReportFormat.TEXT.render(result));
        stdout.println("reports: " + reports);
        stdout.flush();
        return FailOn.FAIL.exitCode(result.comparison().verdict());
    }
}
