package dev.profgate.cli;

import dev.profgate.bench.BenchPolicy;
import dev.profgate.bench.BenchRun;
import dev.profgate.bench.jmh.BenchJvm;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.bench.jmh.ParamOverrides;
import dev.profgate.bench.jmh.Profiler;
import dev.profgate.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of how benchmarks run, are kept and are judged, shared by {@code bench} and {@code bisect}: the
 * selector and parameters, the JMH settings and java, the profiler, the fork time limit, the fork folder and the score
 * threshold.
 */
final class BenchRunMixin {
    @Option(names = "--bench", paramLabel = "REGEX", defaultValue = ".*",
            description = "JMH benchmark selector (default: all).")
    private String bench;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1,V2",
            description = "Benchmark parameter values to run instead of the declared ones, as JMH's -p (repeatable).")
    private List<String> params = List.of();

    @Option(names = "--jvm-args", paramLabel = "ARGS", parameterConsumer = DashedValue.class,
            description = "Extra options of the benchmark JVMs, split at whitespace (as JMH's -jvmArgsAppend).")
    private String jvmArgs = "";

    @Option(names = "--jvm", paramLabel = "PATH",
            description = "The java that lists the jars' benchmarks and runs their forks, as JMH's -jvm: a java "
                    + "program or a JDK home (default: the java running profgate).")
    private Path jvm;

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

    @Option(names = "--profiler", paramLabel = "async|jfr|none",
            description = "Profiler attached to each fork JVM (default: async where its bundled library runs, "
                    + "Linux x64 and arm64; jfr elsewhere).")
    private Profiler profiler = Profiler.preferred();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Time limit of one fork, after which it is stopped and the run fails "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--forks-dir", paramLabel = "DIR", description = "Keep the builds' jars and logs and each fork's "
            + "JMH result, profile and log here (default: a temporary folder, removed).")
    Path forksDir;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "1%", converter = PercentConverter.class,
            description = "Estimated slowdown from which a significant benchmark change fails "
                    + "(default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The JMH settings given; {@code --forks} must be at least {@code minForks}, {@code --jvm} a java. */
    JmhOptions jmh(int minForks, String why) {
        if (forks < minForks) {
            throw BaseCommand.usage(command, "--forks must be at least " + minForks + " (" + why + ")");
        }
        if (iterations < 1 || warmupIterations < 0) {
            throw BaseCommand.usage(command, "--iterations must be at least 1 and --warmup-iterations at least 0");
        }
        List<String> args = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.strip().split("\\s+"));
        return new JmhOptions(forks, warmupIterations, warmupTime, iterations, time, args,
                jvm == null ? BenchJvm.CURRENT : BenchJvm.of(jvm, "--jvm"));
    }

    /** A bench run of {@code base} against {@code head} with these options and {@code settings}. */
    BenchRun run(BenchRun.Version base, BenchRun.Version head, BenchRun.Build build, JmhOptions jmh, Settings settings,
                 Path out, String gate, Path store) {
        BenchPolicy defaults = BenchPolicy.defaults();
        return new BenchRun(base, head, build, bench, ParamOverrides.parse(params, "--param"), jmh, profiler, timeout,
                new BenchPolicy(defaults.alpha(), threshold, defaults.confidence()), settings, out, gate, forksDir,
                store);
    }
}
