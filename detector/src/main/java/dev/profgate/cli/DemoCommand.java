package dev.profgate.cli;

import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import dev.profgate.report.ReportData;
import dev.profgate.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code profgate demo}: compares the recorded demo baselines (a Java workload whose head compiles a regex per
 * call), writes {@code reports/demo/} and prints the text report; the exit code is the verdict's (it fails).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Compare baselines/demo/base with baselines/demo/head, write the reports to --out (default: "
                + "reports/demo in the repository), print the verdict.")
final class DemoCommand extends BaseCommand {
    static final String BASELINES = "baselines/demo";

    @Mixin
    private OutMixin out;

    @Override
    public Integer call() {
        Path root = RepoRoot.containing(BASELINES);
        Path baselines = root.resolve(BASELINES);
        Path reports = out.folderOr(root.resolve("reports/demo"));
        ReportData result = new CompareRun(List.of(baselines.resolve("base").toString()),
                List.of(baselines.resolve("head").toString()), null, Settings.defaults(), reports, "demo").execute();
        PrintWriter stdout = out();
        stdout.print(ReportFormat.TEXT.render(result));
        stdout.println("reports: " + reports);
        stdout.flush();
        return FailOn.FAIL.exitCode(result.comparison().verdict());
    }
}
