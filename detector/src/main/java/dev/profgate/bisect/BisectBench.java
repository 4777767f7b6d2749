package dev.profgate.bisect;

import dev.profgate.attribution.ChangeSet;
import dev.profgate.base.Progress;
import dev.profgate.bench.BenchOutcome;
import dev.profgate.bench.BenchRun;
import dev.profgate.bench.ForkProgress;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.bench.jmh.RevisionBuild;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The bench mode as a bisection runs it: revisions built by {@link RevisionBuild} into {@code work} (the jar named
 * by the abbreviated hash), jars compared by bench runs with the settings of {@code bench}, whose forks go to
 * {@code work/run-N}; progress on {@code err}.
 */
record BisectBench(BenchRun bench, RevisionBuild revisions, Path work, PrintWriter err)
        implements Bisection.Bench {
    @Override
    public Path build(String commit) {
        String name = ChangeSet.abbreviate(commit);
        err.println("profgate: building " + name);
        err.flush();
        return revisions.build("revision " + name, name, commit);
    }

    @Override
    public BenchOutcome compare(Path baseJar, Path headJar, int forks, int run) {
        JmhOptions options = bench.jmh().withForks(forks);
        err.println("profgate: bench run " + run + ": " + baseJar.getFileName() + " against " + headJar.getFileName());
        return bench.comparing(baseJar, headJar, options, work.resolve("run-" + run))
                .execute(new ForkProgress(err, ForkProgress.stderrIsTerminal(), options.forkTime()), Progress.NONE)
                .report().outcome();
    }
}
