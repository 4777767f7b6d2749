package dev.profgate.source.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that runs inside the benchmark JVM (profgate puts it on the fork's class path in a jar of its own,
 * {@link ForkHelper}): the CPU time the benchmark threads ({@code *-jmh-worker-*}) spent in each iteration, per
 * operation ({@value #METRIC}, ns/op, like {@code -prof gc}'s {@code gc.alloc.rate.norm}). Time a thread waits for
 * a core is not CPU time, so on a shared machine this measure moves far less with other load than the score does.
 * It uses only the JDK and JMH, which every benchmarks jar holds.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary metric's name in the JMH result. */
    public static final String METRIC = "cpu.time.norm";
    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation (profgate)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before.clear();
        before.putAll(workerCpuTimes());
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = 0;
        for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
            cpu += worker.getValue() - before.getOrDefault(worker.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        return List.of(new ScalarResult(METRIC, ops > 0 ? (double) cpu / ops : Double.NaN, "ns/op",
                AggregationPolicy.AVG));
    }

    /** CPU nanoseconds by thread id of the live benchmark threads. */
    private Map<Long, Long> workerCpuTimes() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] live = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(live, true);
        Map<Long, Long> times = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Thread thread = live[i];
            if (thread.getName().contains(WORKER)) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                if (cpu >= 0) {
                    times.put(thread.getId(), cpu);
                }
            }
        }
        return times;
    }
}
