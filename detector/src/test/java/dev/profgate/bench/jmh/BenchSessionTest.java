package dev.profgate.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The interleaved fork order. */
class BenchSessionTest {
    private static final BenchmarkCase A = new BenchmarkCase("x.Y.a", Map.of());
    private static final BenchmarkCase B = new BenchmarkCase("x.Y.b", Map.of("n", "1"));

    @Test
    void alternatesSidesInAbbaOrderAcrossForksAndCases() {
        List<BenchSession.Slot> slots = BenchSession.schedule(List.of(A, B), 3);
        assertEquals("base:a:1 head:a:1 base:b:1 head:b:1 head:a:2 base:a:2 head:b:2 base:b:2 "
                + "base:a:3 head:a:3 base:b:3 head:b:3", slots.stream().map(BenchSessionTest::label)
                .collect(Collectors.joining(" ")));
    }

    @Test
    void everyCaseGetsEveryForkOnBothSides() {
        List<BenchSession.Slot> slots = BenchSession.schedule(List.of(A, B), 10);
        assertEquals(40, slots.size());
        for (BenchmarkCase c : List.of(A, B)) {
            for (String side : List.of("base", "head")) {
                assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), slots.stream()
                        .filter(s -> s.benchmark().equals(c) && s.side().equals(side)).map(BenchSession.Slot::fork)
                        .toList());
            }
        }
    }

    private static String label(BenchSession.Slot slot) {
        String name = slot.benchmark().benchmark();
        return slot.side() + ":" + name.substring(name.lastIndexOf('.') + 1) + ":" + slot.fork();
    }
}
