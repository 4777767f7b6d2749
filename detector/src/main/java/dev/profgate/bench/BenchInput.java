package dev.profgate.bench;

import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.bench.jmh.BenchJvm;
import dev.profgate.bench.jmh.BenchmarkCase;
import dev.profgate.bench.jmh.ForkFolder;
import dev.profgate.bench.jmh.Forks;
import dev.profgate.bench.jmh.JmhJar;
import dev.profgate.bench.jmh.ParamOverrides;
import dev.profgate.bench.jmh.RevisionBuild;
import dev.profgate.model.Environment;
import dev.profgate.source.Baseline;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.EnvironmentProbe;
import dev.profgate.source.JmhResultFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One side of a bench run as given: a benchmarks jar to run (given, or built from a git revision), or forks
 * recorded before (a stored baseline, with the environment of its manifest, or an earlier run's fork folder).
 */
record BenchInput(String side, String label, JmhJar jar, Map<BenchmarkCase, List<Forks.ForkFiles>> recorded,
                  Environment recordedIn) {

    /**
     * Resolves {@code version} for {@code side}: opens the jar, builds the revision (telling {@code progress}) or
     * reads the recorded forks (of {@code store}, or a folder), within the store's limits.
     */
    static BenchInput resolve(String side, BenchRun.Version version, BenchRun.Build build, BaselineStore store,
                              Path work, Progress progress) {
        if (version.jar() != null) {
            return running(side, version, JmhJar.open(version.jar(), "--" + side + "-jar"));
        }
        if (version.ref() != null) {
            Path built = new RevisionBuild(build.repo(), build.command(), build.jar(), work, build.timeout(),
                    progress).build(side, version.ref());
            return running(side, version, JmhJar.open(built, "--" + side + "-ref " + version.ref() + " built as"));
        }
        String spec = version.recorded();
        if (spec.startsWith(BaselineStore.SPEC_PREFIX)) {
            Baseline baseline = store.open(spec.substring(BaselineStore.SPEC_PREFIX.length()));
            return new BenchInput(side, spec, null, ForkFolder.read(baseline.dir(), spec, store.limits()),
                    baseline.manifest().environment());
        }
        Map<BenchmarkCase, List<Forks.ForkFiles>> forks = ForkFolder.read(Path.of(spec), "--" + side + " " + spec,
                store.limits());
        return new BenchInput(side, spec, null, forks, recordedHere(forks, store.limits()));
    }

    private static BenchInput running(String side, BenchRun.Version version, JmhJar jar) {
        return new BenchInput(side, version.label(), jar, null, null);
    }

    /**
     * The cases {@code selector} matches with the {@code params} given: listed by the jar (run by {@code jvm}) and
     * expanded to the given values, or recorded ones whose name it finds (as JMH matches) and whose values are among
     * the given ones.
     */
    List<BenchmarkCase> cases(String selector, ParamOverrides params, BenchJvm jvm, Path work) {
        List<BenchmarkCase> cases;
        if (jar != null) {
            cases = jar.cases(selector, jvm, work);
        } else {
            Pattern pattern = Pattern.compile(selector);
            cases = recorded.keySet().stream().filter(c -> pattern.matcher(c.benchmark()).find()).toList();
        }
        params.requireKnown(cases, "--param");
        return jar != null ? params.expand(cases) : params.filter(cases);
    }

    /** The forks of this side: the recorded ones, or those just {@code run}. */
    Map<BenchmarkCase, List<Forks.ForkFiles>> forks(Map<String, Map<BenchmarkCase, List<Forks.ForkFiles>>> run) {
        return recorded != null ? recorded : run.get(side);
    }

    /**
     * Where the forks ran: the recorded environment, or this machine with the JVM and options of the fork results
     * (read within {@code limits}).
     */
    Environment environment(Map<String, Map<BenchmarkCase, List<Forks.ForkFiles>>> run, Limits limits) {
        return recordedIn != null ? recordedIn : recordedHere(forks(run), limits);
    }

    /** This machine, with the JVM and JMH options of the fork results. */
    private static Environment recordedHere(Map<BenchmarkCase, List<Forks.ForkFiles>> forks, Limits limits) {
        List<JmhResultFile> results = forks.values().stream().flatMap(List::stream)
                .map(fork -> JmhResultFile.read(fork.result(), limits)).toList();
        return EnvironmentProbe.current(results);
    }
}
