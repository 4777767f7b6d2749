package dev.profgate.cli;

import dev.profgate.analysis.BenchOutcome;
import dev.profgate.attribution.Bisection;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.source.jmh.JmhOptions;
import dev.profgate.source.jmh.RevisionBuild;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The bench mode as a bisection runs it: revisions built by {@link RevisionBuild} into {@code work} (the jar named
 * by the abbreviated hash), jars compared by a {@link BenchRun} whose forks go to {@code work/run-N}; progress on
 * {@code err}.
 */
record BisectBench(BenchSettings settings, JmhOptions jmh, RevisionBuild revisions, Path work, PrintWriter err)
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
        JmhOptions options = jmh.withForks(forks);
        err.println("profgate: bench run " + run + ": " + baseJar.getFileName() + " against " + headJar.getFileName());
        BenchRun bench = settings.run(new BenchRun.Version(baseJar, null, null), new BenchRun.Version(headJar, null,
                null), null, options, null, "bisect", work.resolve("run-" + run), null);
        return bench.execute(new ForkProgress(err, ForkProgress.stderrIsTerminal(), options.forkTime())).report()
                .outcome();
    }
}
