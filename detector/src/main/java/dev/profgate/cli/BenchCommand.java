package dev.profgate.cli;

import dev.profgate.analysis.BenchPolicy;
import dev.profgate.report.ReportFormat;
import dev.profgate.source.jmh.JmhOptions;
import dev.profgate.source.jmh.ParamOverrides;
import dev.profgate.source.jmh.Profiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
                + "per benchmark the scores (median, change with 95% CI, Mann-Whitney p), per function the profile "
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

    @Option(names = "--build", paramLabel = "CMD",
            description = "Build command, run by sh -c in a temporary git worktree of each revision.")
    private String buildCommand;

    @Option(names = "--jar", paramLabel = "PATH", description = "The benchmarks jar the build makes, relative to the worktree.")
    private String builtJar;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Git repository of the revisions (default: the working directory).")
    private Path repo;

    @Option(names = "--build-timeout", paramLabel = "DURATION", defaultValue = "30m",
            converter = DurationConverter.class, description = "Time limit of each build (default: ${DEFAULT-VALUE}).")
    private Duration buildTimeout;

    @Option(names = "--bench", paramLabel = "REGEX", defaultValue = ".*",
            description = "JMH benchmark selector (default: all).")
    private String bench;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1,V2",
            description = "Benchmark parameter values to run instead of the declared ones, as JMH's -p (repeatable).")
    private List<String> params = List.of();

    @Option(names = "--jvm-args", paramLabel = "ARGS",
            description = "Extra options of the benchmark JVMs, split at whitespace (as JMH's -jvmArgsAppend).")
    private String jvmArgs = "";

    @Option(names = "--forks", paramLabel = "N", description = "Forks per side (default: 10).")
    private int forks = JmhOptions.DEFAULTS.forks();

    @Option(names = "--warmup-iterations", paramLabel = "N", description = "Warmup iterations per fork (default: 8).")
    private int warmupIterations = JmhOptions.DEFAULTS.warmupIterations();

    @Option(names = "--warmup-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Duration of a warmup iteration (default: 1s).")
    private Duration warmupTime = JmhOptions.DEFAULTS.warmupTime();

    @Option(names = "--iterations", paramLabel = "N", description = "Measurement iterations per fork (default: 5).")
    private int iterations = JmhOptions.DEFAULTS.iterations();

    @Option(names = "--time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Duration of a measurement iteration (default: 1s).")
    private Duration time = JmhOptions.DEFAULTS.time();

    @Option(names = "--profiler", paramLabel = "jfr|async|none", defaultValue = "jfr",
            description = "Profiler attached to each fork JVM (default: ${DEFAULT-VALUE}).")
    private Profiler profiler;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Time limit of one fork, after which it is stopped and the run fails (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "1%", converter = PercentConverter.class,
            description = "Estimated slowdown from which a significant benchmark change fails (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file for the function findings (default: ./profgate.yml if it exists).")
    private Path config;

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
        JmhOptions jmh = jmhOptions();
        BenchPolicy defaults = BenchPolicy.defaults();
        BenchRun run = new BenchRun(version("base", baseJar, baseRef, baseRecorded),
                version("head", headJar, headRef, headRecorded), build(), bench,
                ParamOverrides.parse(params, "--param"), jmh, profiler, timeout,
                new BenchPolicy(defaults.alpha(), threshold, defaults.confidence()),
                CompareRun.configOrDefault(config), out, gate, forksDir, store.root);
        PrintWriter err = spec.commandLine().getErr();
        BenchRun.Result result = run.execute(new ForkProgress(err, ForkProgress.stderrIsTerminal(), jmh.forkTime()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(format.render(result.report(), result.gate()));
        stdout.flush();
        if (out != null) {
            err.println("profgate: reports written to " + out);
            err.flush();
        }
        github.publishIfAsked(out, failOn, err);
        return failOn.exitCode(result.report().outcome().verdict());
    }

    private JmhOptions jmhOptions() {
        if (forks < 2) {
            throw usage("--forks must be at least 2 (the scores are compared across forks)");
        }
        if (iterations < 1 || warmupIterations < 0) {
            throw usage("--iterations must be at least 1 and --warmup-iterations at least 0");
        }
        List<String> jvm = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.strip().split("\\s+"));
        return new JmhOptions(forks, warmupIterations, warmupTime, iterations, time, jvm);
    }

    private BenchRun.Version version(String side, Path jar, String ref, String recorded) {
        if (Stream.of(jar, ref, recorded).filter(Objects::nonNull).count() != 1) {
            throw usage("give exactly one of --" + side + "-jar, --" + side + "-ref and --" + side);
        }
        return new BenchRun.Version(jar, ref, recorded);
    }

    private BenchRun.Build build() {
        boolean refs = baseRef != null || headRef != null;
        if (refs && (buildCommand == null || builtJar == null)) {
            throw usage("--base-ref and --head-ref need --build and --jar");
        }
        if (!refs && (buildCommand != null || builtJar != null)) {
            throw usage("--build and --jar apply to --base-ref and --head-ref only");
        }
        return refs ? new BenchRun.Build(repo, buildCommand, builtJar, buildTimeout) : null;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
