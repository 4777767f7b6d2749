package dev.profgate.bench.jmh;

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
 * {@link HelperJar}): the CPU time the benchmark threads ({@code *-jmh-worker-*}) spent in each iteration, per
 * operation ({@value #METRIC}, ns/op, like {@code -prof gc}'s {@code gc.alloc.rate.norm}), and the CPU time of the
 * whole JVM per operation ({@value #PROCESS_METRIC}: the benchmark threads plus JIT, GC and profiler threads). Time a
 * thread waits for a core is not CPU time, so on a shared machine these move far less with other load than the score
 * does. It uses only the JDK and JMH, which every benchmarks jar holds.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary metric's name in the JMH result. */
    public static final String METRIC = "cpu.time.norm";
    /** The secondary metric with the whole JVM's CPU time per operation. */
    public static final String PROCESS_METRIC = "cpu.process.norm";
    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation (profgate)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before.clear();
        before.putAll(workerCpuTimes());
        processBefore = processCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = 0;
        for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
            cpu += worker.getValue() - before.getOrDefault(worker.getKey(), 0L);
        }
        long process = processCpuTime() - processBefore;
        long ops = result.getMetadata().getAllOps();
        return List.of(perOp(METRIC, cpu, ops), perOp(PROCESS_METRIC, processBefore < 0 ? -1 : process, ops));
    }

    private static ScalarResult perOp(String metric, long nanos, long ops) {
        return new ScalarResult(metric, ops > 0 && nanos >= 0 ? (double) nanos / ops : Double.NaN, "ns/op",
                AggregationPolicy.AVG);
    }

    /** The CPU time of this JVM in nanoseconds, -1 where the platform does not tell. */
    private static long processCpuTime() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
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
