package dev.profgate.cli;

import dev.profgate.BadInputException;
import dev.profgate.analysis.BenchComparator;
import dev.profgate.analysis.BenchOutcome;
import dev.profgate.analysis.BenchPolicy;
import dev.profgate.analysis.Policy;
import dev.profgate.config.ConfigLoader;
import dev.profgate.report.BenchRunInfo;
import dev.profgate.report.ReportWriter;
import dev.profgate.source.jmh.BenchSession;
import dev.profgate.source.jmh.BenchmarkCase;
import dev.profgate.source.jmh.ChildProcesses;
import dev.profgate.source.jmh.ForkResults;
import dev.profgate.source.jmh.Forks;
import dev.profgate.source.jmh.JmhJar;
import dev.profgate.source.jmh.JmhOptions;
import dev.profgate.source.jmh.Profiler;
import dev.profgate.source.jmh.RevisionBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bench flow without picocli: get both benchmark jars (given, or built from git revisions), list the cases the
 * selector matches in both, run their forks interleaved with the profiler attached, compare, write the report
 * folder. Fork files go to {@code forksDir}, else to a temporary folder that is removed afterwards, unless the error
 * that ended the run names a log in it. {@code config}, {@code out} and {@code forksDir} may be null.
 */
record BenchRun(Version base, Version head, Build build, String bench, JmhOptions jmh, Profiler profiler,
                Duration timeout, BenchPolicy benchPolicy, Path config, Path out, String gate, Path forksDir) {

    /** One side's version: a jar, or a git revision to build (exactly one of them). */
    record Version(Path jar, String ref) {
        String label() {
            return jar != null ? jar.toString() : ref;
        }
    }

    /** How revisions are built: in worktrees of {@code repo}, by {@code command}, making {@code jar}. */
    record Build(Path repo, String command, String jar, Duration timeout) {
    }

    /** The outcome, what ran, and the gate name its reports carry. */
    record Result(BenchOutcome outcome, BenchRunInfo run, String gate) {
    }

    /** Runs the benchmarks, telling {@code listener} about each fork; throws {@link BadInputException} for bad input. */
    Result execute(BenchSession.Listener listener) {
        Policy policy = config == null ? Policy.defaults() : ConfigLoader.load(config);
        Path work = workFolder();
        Runnable removeWork = () -> deleteTree(work);
        boolean temporary = forksDir == null;
        if (temporary) {
            ChildProcesses.register(removeWork);
        }
        boolean keep = false;
        try {
            return run(work, policy, listener);
        } catch (BadInputException e) {
            keep = e.getMessage().contains(work.toString());
            throw e;
        } finally {
            ChildProcesses.unregister(removeWork);
            if (temporary && !keep) {
                removeWork.run();
            }
        }
    }

    private Result run(Path work, Policy policy, BenchSession.Listener listener) {
        JmhJar baseJar = jar(base, "base", work);
        JmhJar headJar = jar(head, "head", work);
        List<BenchmarkCase> baseCases = baseJar.cases(bench, work);
        List<BenchmarkCase> headCases = headJar.cases(bench, work);
        List<BenchmarkCase> cases = baseCases.stream().filter(headCases::contains).toList();
        if (cases.isEmpty()) {
            throw new BadInputException("--bench " + bench, "matches no benchmark present in both jars ("
                    + baseCases.size() + " in base, " + headCases.size() + " in head)");
        }
        Forks forks = new Forks(jmh, profiler, work, timeout);
        List<BenchSession.CaseForks> done = BenchSession.run(baseJar, headJar, cases, jmh.forks(), forks, listener);
        BenchOutcome compared = BenchComparator.compare(done.stream().map(ForkResults::load).toList(), policy,
                benchPolicy);
        List<String> notes = new ArrayList<>(compared.notes());
        notes.addAll(onlyIn("base", baseCases, cases));
        notes.addAll(onlyIn("head", headCases, cases));
        BenchOutcome outcome = new BenchOutcome(compared.benchmarks(), compared.verdict(), benchPolicy, notes);
        BenchRunInfo info = new BenchRunInfo(base.label(), head.label(), settings());
        if (out != null) {
            ReportWriter.writeAll(outcome, info, out, gate);
        }
        return new Result(outcome, info, gate);
    }

    private JmhJar jar(Version version, String side, Path work) {
        if (version.jar() != null) {
            return JmhJar.open(version.jar(), "--" + side + "-jar");
        }
        Path built = new RevisionBuild(build.repo(), build.command(), build.jar(), work, build.timeout())
                .build(side, version.ref());
        return JmhJar.open(built, "--" + side + "-ref " + version.ref() + " built as");
    }

    private String settings() {
        return jmh.forks() + " forks a side interleaved, warmup " + jmh.warmupIterations() + " x "
                + ForkProgress.format(jmh.warmupTime()) + ", measurement " + jmh.iterations() + " x "
                + ForkProgress.format(jmh.time()) + ", profiler " + profiler.label();
    }

    private static List<String> onlyIn(String side, List<BenchmarkCase> listed, List<BenchmarkCase> compared) {
        return listed.stream().filter(c -> !compared.contains(c))
                .map(c -> c.id() + ": only in the " + side + " jar, not compared").toList();
    }

    private Path workFolder() {
        try {
            return forksDir == null ? Files.createTempDirectory("profgate-bench-")
                    : Files.createDirectories(forksDir).toAbsolutePath();
        } catch (IOException e) {
            throw new BadInputException(forksDir == null ? "temporary folder" : forksDir.toString(),
                    "cannot create: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
