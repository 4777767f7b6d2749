package dev.profgate.cli;

import dev.profgate.bench.BenchPolicy;
import dev.profgate.bench.BenchRun;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.bench.jmh.ParamOverrides;
import dev.profgate.bench.jmh.Profiler;
import dev.profgate.compare.CompareRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of how benchmarks run and are judged, shared by {@code bench} and {@code bisect}: the selector and
 * parameters, the JMH settings, the profiler, the fork time limit, the score threshold and the policy file.
 */
public final class BenchSettings {
    @Option(names = "--bench", paramLabel = "REGEX", defaultValue = ".*",
            description = "JMH benchmark selector (default: all).")
    String bench;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1,V2",
            description = "Benchmark parameter values to run instead of the declared ones, as JMH's -p (repeatable).")
    List<String> params = List.of();

    @Option(names = "--jvm-args", paramLabel = "ARGS",
            description = "Extra options of the benchmark JVMs, split at whitespace (as JMH's -jvmArgsAppend).")
    String jvmArgs = "";

    @Option(names = "--forks", paramLabel = "N", description = "Forks per side (default: 10).")
    int forks = JmhOptions.DEFAULTS.forks();

    @Option(names = "--warmup-iterations", paramLabel = "N", description = "Warmup iterations per fork (default: 8).")
    int warmupIterations = JmhOptions.DEFAULTS.warmupIterations();

    @Option(names = "--warmup-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Duration of a warmup iteration (default: 1s).")
    Duration warmupTime = JmhOptions.DEFAULTS.warmupTime();

    @Option(names = "--iterations", paramLabel = "N", description = "Measurement iterations per fork (default: 5).")
    int iterations = JmhOptions.DEFAULTS.iterations();

    @Option(names = "--time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Duration of a measurement iteration (default: 1s).")
    Duration time = JmhOptions.DEFAULTS.time();

    @Option(names = "--profiler", paramLabel = "async|jfr|none",
            description = "Profiler attached to each fork JVM (default: async where its bundled library runs, "
                    + "Linux x64 and arm64; jfr elsewhere).")
    Profiler profiler = Profiler.preferred();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Time limit of one fork, after which it is stopped and the run fails (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "1%", converter = PercentConverter.class,
            description = "Estimated slowdown from which a significant benchmark change fails (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file for the function findings (default: ./profgate.yml if it exists).")
    Path config;

    /** The JMH settings given; {@code --forks} must be at least {@code minForks}. */
    JmhOptions jmh(CommandSpec spec, int minForks, String why) {
        if (forks < minForks) {
            throw new ParameterException(spec.commandLine(), "--forks must be at least " + minForks + " (" + why + ")");
        }
        if (iterations < 1 || warmupIterations < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--iterations must be at least 1 and --warmup-iterations at least 0");
        }
        List<String> jvm = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.strip().split("\\s+"));
        return new JmhOptions(forks, warmupIterations, warmupTime, iterations, time, jvm);
    }

    /** A bench run of {@code base} against {@code head} with these settings. */
    public BenchRun run(BenchRun.Version base, BenchRun.Version head, BenchRun.Build build, JmhOptions jmh, Path out,
                 String gate, Path forksDir, Path store) {
        BenchPolicy defaults = BenchPolicy.defaults();
        return new BenchRun(base, head, build, bench, ParamOverrides.parse(params, "--param"), jmh, profiler, timeout,
                new BenchPolicy(defaults.alpha(), threshold, defaults.confidence()), CompareRun.configOrDefault(config),
                out, gate, forksDir, store);
    }
}
