package dev.profgate.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The benchmarked operations timed by the CPU time of the calling thread (best of N runs after N warm-up runs):
 * a companion to the JMH wall-clock scores on a machine shared with other work, since a thread's CPU time leaves
 * out the time it waits for a core (not the cache and memory contention, and not GC or JIT threads). Run from the
 * repo root: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.profgate.bench.CpuTime [RUNS]}.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ParseBenchmark parse = new ParseBenchmark();
        parse.file = ParseBenchmark.LARGE_CPU;
        parse.readFile();
        report("ParseBenchmark.parse", runs, parse::parse);
        report("ParseBenchmark.parseAndAggregate", runs, parse::parseAndAggregate);
        CompareBenchmark compare = new CompareBenchmark();
        compare.generate();
        report("CompareBenchmark.compare", runs, compare::compare);
    }

    private static void report(String name, int runs, Supplier<?> operation) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 2 * runs; run++) {
            long start = THREADS.getCurrentThreadCpuTime();
            operation.get();
            long cpu = THREADS.getCurrentThreadCpuTime() - start;
            if (run >= runs) {
                best = Math.min(best, cpu);
            }
        }
        System.out.printf(Locale.ROOT, "%-34s best thread CPU time of %d runs: %8.1f ms%n", name, runs, best / 1e6);
    }
}
