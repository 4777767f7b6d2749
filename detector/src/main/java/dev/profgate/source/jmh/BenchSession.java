package dev.profgate.source.jmh;

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

    /** Runs the whole schedule; the first failing fork ends the run with its error. */
    public static List<CaseForks> run(JmhJar base, JmhJar head, List<BenchmarkCase> cases, int forkCount, Forks forks,
                                      Listener listener) {
        List<Slot> slots = schedule(cases, forkCount);
        Map<BenchmarkCase, List<Forks.ForkFiles>> baseFiles = new LinkedHashMap<>();
        Map<BenchmarkCase, List<Forks.ForkFiles>> headFiles = new LinkedHashMap<>();
        for (BenchmarkCase benchmark : cases) {
            baseFiles.put(benchmark, new ArrayList<>());
            headFiles.put(benchmark, new ArrayList<>());
        }
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            boolean isBase = slot.side().equals("base");
            listener.started(slot, i, slots.size());
            long start = System.nanoTime();
            Forks.ForkFiles files = forks.run(slot.side(), isBase ? base : head, slot.benchmark(), slot.fork());
            listener.finished(slot, i, slots.size(), Duration.ofNanos(System.nanoTime() - start));
            (isBase ? baseFiles : headFiles).get(slot.benchmark()).add(files);
        }
        return cases.stream().map(c -> new CaseForks(c, baseFiles.get(c), headFiles.get(c))).toList();
    }
}
