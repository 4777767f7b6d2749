package dev.profgate.bench;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import dev.profgate.base.Progress;
import dev.profgate.bench.jmh.BenchSession;
import dev.profgate.bench.jmh.BenchmarkCase;
import dev.profgate.bench.jmh.Forks;
import dev.profgate.bench.jmh.JmhJar;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.bench.jmh.ParamOverrides;
import dev.profgate.bench.jmh.Profiler;
import dev.profgate.bench.jmh.WorkFolder;
import dev.profgate.config.Redaction;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.config.Settings;
import dev.profgate.model.Environment;
import dev.profgate.report.RepoLines;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.source.BaselineStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bench flow without picocli: get both benchmark jars (given, or built from git revisions) or recorded forks
 * (a stored baseline from {@code store}, or an earlier run's fork folder), list the cases the selector matches on
 * both sides, run their forks interleaved with the profiler attached, read their results and profiles within the
 * limits of {@code settings}, redact names as they say, compare, state how the sides' environments differ, match
 * the rule catalog, write the report folder. Fork files go to {@code forksDir}, else to a temporary folder that is
 * removed afterwards, unless the error that ended the run names a log in it. {@code out} and {@code forksDir} may be
 * null.
 */
public record BenchRun(Version base, Version head, Build build, String bench, ParamOverrides params, JmhOptions jmh,
                Profiler profiler, Duration timeout, BenchPolicy benchPolicy, Settings settings, Path out, String gate,
                Path forksDir, Path store) {
    /**
     * One side's version, exactly one of: a jar, a git revision to build, or recorded forks ({@code baseline:NAME}
     * of the store, or the side folder of an earlier run's {@code --forks-dir}).
     */
    public record Version(Path jar, String ref, String recorded) {
        String label() {
            return jar != null ? jar.toString() : ref != null ? ref : recorded;
        }
    }

    /** How revisions are built: in worktrees of {@code repo}, by {@code command}, making {@code jar}. */
    public record Build(Path repo, String command, String jar, Duration timeout) {
    }

    /** The report (outcome, what ran, rule hits) and the gate name it carries. */
    public record Result(BenchReport report, String gate) {
    }

    /**
     * A run with these settings comparing the jars {@code baseJar} and {@code headJar} with {@code jmh}, forks kept
     * in {@code forksDir}, no report folder (as each step of a bisection runs).
     */
    public BenchRun comparing(Path baseJar, Path headJar, JmhOptions jmh, Path forksDir) {
        return new BenchRun(new Version(baseJar, null, null), new Version(headJar, null, null), null, bench, params,
                jmh, profiler, timeout, benchPolicy, settings, null, gate, forksDir, store);
    }

    /**
     * Runs the benchmarks, telling {@code listener} about each fork and {@code progress} each revision built; throws
     * {@link BadInputException} for bad input.
     */
    public Result execute(BenchSession.Listener listener, Progress progress) {
        RuleCatalog catalog = RuleCatalogLoader.load(settings.rules());
        return WorkFolder.use(forksDir, "profgate-bench-", work -> run(work, catalog, listener, progress));
    }

    private Result run(Path work, RuleCatalog catalog, BenchSession.Listener listener, Progress progress) {
        BaselineStore baselines = new BaselineStore(store, settings.limits());
        BenchInput baseInput = BenchInput.resolve("base", base, build, baselines, work, progress);
        BenchInput headInput = BenchInput.resolve("head", head, build, baselines, work, progress);
        List<BenchmarkCase> baseCases = baseInput.cases(bench, params, jmh.jvm(), work);
        List<BenchmarkCase> headCases = headInput.cases(bench, params, jmh.jvm(), work);
        List<BenchmarkCase> cases = baseCases.stream().filter(headCases::contains).toList();
        if (cases.isEmpty()) {
            throw new BadInputException("--bench " + bench, "matches no benchmark present on both sides ("
                    + baseCases.size() + " in base, " + headCases.size() + " in head)");
        }
        Map<String, JmhJar> jars = new LinkedHashMap<>();
        Stream.of(baseInput, headInput).filter(in -> in.jar() != null).forEach(in -> jars.put(in.side(), in.jar()));
        Map<String, Map<BenchmarkCase, List<Forks.ForkFiles>>> ran = BenchSession.run(jars, cases, jmh.forks(),
                new Forks(jmh, profiler, work, timeout), listener);
        Redaction redaction = settings.redaction();
        List<BenchmarkSamples> samples = cases.stream().map(c -> redacted(ForkResults.load(new BenchSession.CaseForks(
                c, baseInput.forks(ran).get(c), headInput.forks(ran).get(c)), settings.limits()), redaction)).toList();
        List<String> notes = new ArrayList<>(onlyIn("base", baseCases, cases));
        notes.addAll(onlyIn("head", headCases, cases));
        Environment baseEnvironment = baseInput.environment(ran, settings.limits());
        Environment headEnvironment = headInput.environment(ran, settings.limits());
        BenchOutcome outcome = BenchComparator.compare(samples, settings.policy(), benchPolicy)
                .with(notes, baseEnvironment.mismatches(headEnvironment));
        BenchRunInfo info = new BenchRunInfo(baseInput.label(), headInput.label(), jars.isEmpty()
                ? "recorded forks, none run"
                : jmhSummary((jars.containsKey("head") ? headEnvironment : baseEnvironment).jvm()));
        BenchReport report = new BenchReport(outcome, info, catalog, BenchRules.match(catalog, outcome, samples),
                RepoLines.ofWorkingDirectory());
        if (out != null) {
            BenchReportFiles.write(report, out, gate);
        }
        return new Result(report, gate);
    }

    private static BenchmarkSamples redacted(BenchmarkSamples samples, Redaction redaction) {
        return new BenchmarkSamples(samples.benchmark(), samples.unit(), redacted(samples.base(), redaction),
                redacted(samples.head(), redaction));
    }

    private static BenchSide redacted(BenchSide side, Redaction redaction) {
        return new BenchSide(side.scores(), side.bytesPerOp(), side.cpuPerOp(), redaction.apply(side.profiles()));
    }

    /** The JMH settings and {@code jvm}, the JVM the forks ran on as their results say. */
    private String jmhSummary(Environment.Jvm jvm) {
        return jmh.forks() + " forks a side interleaved on " + jvm + ", warmup " + jmh.warmupIterations() + " x "
                + DurationText.format(jmh.warmupTime()) + ", measurement " + jmh.iterations() + " x "
                + DurationText.format(jmh.time()) + ", profiler " + profiler.label();
    }

    private static List<String> onlyIn(String side, List<BenchmarkCase> listed, List<BenchmarkCase> compared) {
        return listed.stream().filter(c -> !compared.contains(c))
                .map(c -> c.id() + ": only on the " + side + " side, not compared").toList();
    }
}
