package dev.profgate.cli;

import dev.profgate.bench.BenchReportFiles;
import dev.profgate.bench.BenchRun;
import dev.profgate.bench.ForkProgress;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code profgate bench}: runs the JMH benchmarks of a base and a head version with forks interleaved and a profiler
 * attached, compares the scores and the per-function profiles, and gates on one verdict.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run base and head JMH benchmark jars, forks interleaved and profiled, and compare them: "
                + "per benchmark the scores (median, change with 95%% CI, Mann-Whitney p), per function the profile "
                + "diff in cost per operation. Ctrl-C stops every fork.",
                "Exit codes: 0 pass, 1 regression, 2 bad input or usage."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--base-jar", paramLabel = "JAR", description = "Base JMH benchmarks jar.")
    private Path baseJar;

    @Option(names = "--head-jar", paramLabel = "JAR", description = "Head JMH benchmarks jar.")
    private Path headJar;

    @Option(names = "--base-ref", paramLabel = "REV", description = "Base git revision to build (with --build, --jar).")
    private String baseRef;

    @Option(names = "--head-ref", paramLabel = "REV", description = "Head git revision to build (with --build, --jar).")
    private String headRef;

    @Option(names = "--base", paramLabel = "baseline:NAME|DIR",
            description = "Base forks recorded before, not run again: a stored baseline, or the base/ folder of an "
                    + "earlier run's --forks-dir.")
    private String baseRecorded;

    @Option(names = "--head", paramLabel = "baseline:NAME|DIR", description = "Head forks recorded before.")
    private String headRecorded;

    @Mixin
    private StoreOption store;

    @Mixin
    private BuildOptions builds;

    @Mixin
    private BenchSettings settings;

    @Option(names = "--out", paramLabel = "DIR", description = "Write report.json, report.md and report.txt here.")
    private Path out;

    @Option(names = "--forks-dir", paramLabel = "DIR",
            description = "Keep each fork's JMH result, profile and log here (default: a temporary folder, removed).")
    private Path forksDir;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report printed on standard output (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Option(names = "--fail-on", paramLabel = "fail|warn|never", defaultValue = "fail",
            description = "Verdict from which the exit code is 1 (default: ${DEFAULT-VALUE}).")
    private FailOn failOn;

    @Option(names = "--gate", paramLabel = "NAME", defaultValue = "bench",
            description = "Gate name in the PR comment marker (default: ${DEFAULT-VALUE}).")
    private String gate;

    @Mixin
    private GitHubPublishing github;

    @Override
    public Integer call() {
        github.requireFolder(spec, out);
        if (format != ReportFormat.TEXT && format != ReportFormat.MARKDOWN && format != ReportFormat.JSON) {
            throw usage("--format of bench is text, markdown or json");
        }
        JmhOptions jmh = settings.jmh(spec, 2, "the scores are compared across forks");
        BenchRun run = settings.run(version("base", baseJar, baseRef, baseRecorded),
                version("head", headJar, headRef, headRecorded), build(), jmh, out, gate, forksDir, store.root);
        PrintWriter err = spec.commandLine().getErr();
        BenchRun.Result result = run.execute(new ForkProgress(err, ForkProgress.stderrIsTerminal(), jmh.forkTime()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(BenchReportFiles.render(format, result.report(), result.gate()));
        stdout.flush();
        if (out != null) {
            err.println("profgate: reports written to " + out);
            err.flush();
        }
        github.publishIfAsked(out, failOn, err);
        return failOn.exitCode(result.report().outcome().verdict());
    }

    private BenchRun.Version version(String side, Path jar, String ref, String recorded) {
        if (Stream.of(jar, ref, recorded).filter(Objects::nonNull).count() != 1) {
            throw usage("give exactly one of --" + side + "-jar, --" + side + "-ref and --" + side);
        }
        return new BenchRun.Version(jar, ref, recorded);
    }

    private BenchRun.Build build() {
        boolean refs = baseRef != null || headRef != null;
        if (refs && !builds.complete()) {
            throw usage("--base-ref and --head-ref need --build and --jar");
        }
        if (!refs && builds.any()) {
            throw usage("--build and --jar apply to --base-ref and --head-ref only");
        }
        return refs ? builds.build() : null;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
