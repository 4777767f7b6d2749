package dev.profgate.bench.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the forks of a base jar and a head jar interleaved, so that drift of the machine (other load, thermal state)
 * hits both sides alike: for fork k = 1..N, for each benchmark case, a base fork and a head fork, the order
 * alternating with k (base-head, head-base, ...: ABBA, which also cancels a linear drift within a pair).
 */
public final class BenchSession {
    private BenchSession() {
    }

    /** One fork of the schedule: the side ({@code base} or {@code head}), the case and the fork number (1-based). */
    public record Slot(String side, BenchmarkCase benchmark, int fork) {
    }

    /** Hears about forks as they run (progress). */
    public interface Listener {
        /** Fork {@code index} (0-based) of {@code total} starts. */
        void started(Slot slot, int index, int total);

        /** Fork {@code index} of {@code total} ended after {@code took}. */
        void finished(Slot slot, int index, int total, Duration took);
    }

    /** The finished forks of one case, per side, in fork order. */
    public record CaseForks(BenchmarkCase benchmark, List<Forks.ForkFiles> base, List<Forks.ForkFiles> head) {
        public CaseForks {
            base = List.copyOf(base);
            head = List.copyOf(head);
        }
    }

    /** The interleaved order of {@code forks} forks per side of every case. */
    public static List<Slot> schedule(List<BenchmarkCase> cases, int forks) {
        List<Slot> slots = new ArrayList<>();
        for (int k = 1; k <= forks; k++) {
            for (BenchmarkCase benchmark : cases) {
                boolean baseFirst = k % 2 == 1;
                slots.add(new Slot(baseFirst ? "base" : "head", benchmark, k));
                slots.add(new Slot(baseFirst ? "head" : "base", benchmark, k));
            }
        }
        return slots;
    }

    /**
     * Runs the schedule of the sides that have a jar in {@code jars} ({@code base}, {@code head}; a side without
     * one was recorded earlier); the first failing fork ends the run with its error. Returns per side and case the
     * finished forks in fork order.
     */
    public static Map<String, Map<BenchmarkCase, List<Forks.ForkFiles>>> run(Map<String, JmhJar> jars,
            List<BenchmarkCase> cases, int forkCount, Forks forks, Listener listener) {
        List<Slot> slots = schedule(cases, forkCount).stream().filter(s -> jars.containsKey(s.side())).toList();
        Map<String, Map<BenchmarkCase, List<Forks.ForkFiles>>> files = new LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            listener.started(slot, i, slots.size());
            long start = System.nanoTime();
            Forks.ForkFiles fork = forks.run(slot.side(), jars.get(slot.side()), slot.benchmark(), slot.fork());
            listener.finished(slot, i, slots.size(), Duration.ofNanos(System.nanoTime() - start));
            files.computeIfAbsent(slot.side(), side -> new LinkedHashMap<>())
                    .computeIfAbsent(slot.benchmark(), c -> new ArrayList<>()).add(fork);
        }
        return files;
    }
}
