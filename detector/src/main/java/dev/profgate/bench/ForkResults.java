package dev.profgate.bench;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.bench.jmh.BenchSession;
import dev.profgate.bench.jmh.BenchmarkCase;
import dev.profgate.bench.jmh.CpuTimeProfiler;
import dev.profgate.bench.jmh.Forks;
import dev.profgate.format.JmhBenchmark;
import dev.profgate.format.JmhResultReader;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileColumns;
import dev.profgate.model.ProfileFocus;
import dev.profgate.model.SampleType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the forks of one case measured: the score, allocated bytes per operation ({@code -prof gc}) and CPU
 * time per operation ({@link CpuTimeProfiler}; its metric name is a compile-time constant, so reading it does not
 * load that class, which needs JMH) of each fork's JMH result, and each fork's profile cut to the stacks under the
 * benchmark method (JMH's generated {@code *_jmhStub} frame), so neither JMH's own threads nor the fork's start-up
 * dilute the shares, and to the measurement iterations (the last {@code measurement / (warmup + measurement)} of the
 * time the benchmark method ran, from the iteration counts and times of the result), so the profile shows the code
 * the score measured, not the warmup's interpreted and partly compiled code. The profile gets a {@link #TIME}
 * column, where the benchmark threads' time goes: CPU time per stack plus the time blocked entering a monitor,
 * shown as a {@link #MONITOR_WAIT} frame under the code that blocked (a blocked thread is not sampled on the CPU,
 * so the two never count the same moment twice).
 */
public final class ForkResults {
    /** The suffix of the generated method that calls the benchmark method in its measurement loop. */
    static final String STUB_SUFFIX = "_jmhStub";
    /** The secondary metric of {@code -prof gc} with the allocated bytes per operation. */
    static final String BYTES_PER_OP = "gc.alloc.rate.norm";
    /** The column of CPU plus monitor-wait time. */
    public static final SampleType TIME = new SampleType("time", "nanoseconds");
    /** The frame that stands for time blocked entering a monitor ({@code synchronized}). */
    public static final String MONITOR_WAIT = "(monitor wait)";

    private ForkResults() {
    }

    /** The samples of {@code forks}, both sides, their results and profiles read within {@code limits}. */
    public static BenchmarkSamples load(BenchSession.CaseForks forks, Limits limits) {
        String unit = null;
        List<BenchSide> sides = new ArrayList<>();
        for (List<Forks.ForkFiles> side : List.of(forks.base(), forks.head())) {
            Limits.check(forks.benchmark().id(), side.size() + " forks", side.size(), limits.replicates(),
                    "replicates");
            List<Double> scores = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Profile> profiles = new ArrayList<>();
            for (Forks.ForkFiles fork : side) {
                JmhBenchmark result = result(fork, forks.benchmark(), limits);
                if (unit != null && !unit.equals(result.primary().unit())) {
                    throw new BadInputException(fork.result().toString(), "score unit " + result.primary().unit()
                            + " differs from the other forks' " + unit);
                }
                unit = result.primary().unit();
                scores.add(mean(result.primary().forkScores()));
                JmhBenchmark.Metric allocation = result.secondary().get(BYTES_PER_OP);
                if (allocation != null) {
                    bytes.add(mean(allocation.forkScores()));
                }
                JmhBenchmark.Metric cpuTime = result.secondary().get(CpuTimeProfiler.METRIC);
                if (cpuTime != null) {
                    cpu.add(mean(cpuTime.forkScores()));
                }
                if (fork.profile() != null) {
                    profiles.add(profile(fork.profile(), result.phases(), limits));
                }
            }
            if (!profiles.isEmpty() && profiles.size() != scores.size()) {
                throw new BadInputException(side.get(0).result().getParent().toString(), "only " + profiles.size()
                        + " of its " + scores.size() + " forks have a profile");
            }
            sides.add(new BenchSide(scores, complete(bytes, scores), complete(cpu, scores), profiles));
        }
        return new BenchmarkSamples(forks.benchmark().id(), unit, sides.get(0), sides.get(1));
    }

    /** The recording cut to the benchmark method and to its measurement iterations, with the time column. */
    private static Profile profile(Path recording, JmhBenchmark.Phases phases, Limits limits) {
        Profile benchmark = ProfileFocus.under(ProfileFormat.read(recording, limits), f -> f.endsWith(STUB_SUFFIX));
        Profile measured = phases == null ? benchmark : benchmark.lastPart(phases.measuredFraction());
        return ProfileColumns.withTime(measured, TIME, "cpu", "delay", MONITOR_WAIT);
    }

    /** The one result of a fork's file, which must be the case it ran. */
    private static JmhBenchmark result(Forks.ForkFiles fork, BenchmarkCase benchmark, Limits limits) {
        List<JmhBenchmark> results = JmhResultReader.read(fork.result(), limits);
        if (results.size() != 1 || !results.get(0).benchmark().equals(benchmark.benchmark())
                || !results.get(0).params().equals(benchmark.params())) {
            throw new BadInputException(fork.result().toString(), "expected the result of " + benchmark.id()
                    + " alone, found " + results.stream().map(r -> new BenchmarkCase(r.benchmark(), r.params()).id())
                    .toList());
        }
        return results.get(0);
    }

    /** {@code values} when every fork has one, else nothing. */
    private static List<Double> complete(List<Double> values, List<Double> scores) {
        return values.size() == scores.size() ? values : List.of();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
