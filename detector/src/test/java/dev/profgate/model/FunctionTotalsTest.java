package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.base.Limits;
import dev.profgate.format.CollapsedReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionTotalsTest {

    @Test
    void recursionCountsOncePerSampleInTotal() throws Exception {
        Profile profile = collapsed("main;a;b;a;c 5\nmain;a 2\n");
        Dictionary functions = new Dictionary();
        FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(0), functions);
        assertEquals(7, totals.total(functions.find("a")));
        assertEquals(2, totals.self(functions.find("a")));
        assertEquals(5, totals.total(functions.find("c")));
        assertEquals(7, totals.grandTotal());
    }

    @Test
    void matchesNaivePerStackAggregationOnRandomDeepRecursiveStacks() throws Exception {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        Map<String, Long> selfExpected = new HashMap<>();
        Map<String, Long> totalExpected = new HashMap<>();
        for (int s = 0; s < 2000; s++) {
            int depth = 1 + random.nextInt(40);
            StringBuilder stack = new StringBuilder();
            Set<String> distinct = new LinkedHashSet<>();
            String leaf = null;
            for (int d = 0; d < depth; d++) {
                leaf = "f" + random.nextInt(12);
                distinct.add(leaf);
                stack.append(d == 0 ? "" : ";").append(leaf);
            }
            long count = 1 + random.nextInt(9);
            text.append(stack).append(' ').append(count).append('\n');
            selfExpected.merge(leaf, count, Long::sum);
            for (String f : distinct) {
                totalExpected.merge(f, count, Long::sum);
            }
        }
        Profile profile = collapsed(text.toString());
        Dictionary functions = new Dictionary();
        FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(0), functions);
        assertEquals(totalExpected.size(), functions.size());
        for (String f : totalExpected.keySet()) {
            assertEquals(totalExpected.get(f), totals.total(functions.find(f)), f);
            assertEquals(selfExpected.getOrDefault(f, 0L), totals.self(functions.find(f)), f);
        }
    }

    @Test
    void hundredThousandFrameStackNeedsNoRecursion() throws Exception {
        StringBuilder stack = new StringBuilder("root");
        for (int i = 0; i < 100_000; i++) {
            stack.append(";f").append(i % 1000);
        }
        Profile profile = collapsed(stack + " 3\n");
        Dictionary functions = new Dictionary();
        FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(0), functions);
        assertEquals(3, totals.total(functions.find("f500")));
        assertEquals(3, totals.self(functions.find("f999")));
    }

    private static Profile collapsed(String text) throws Exception {
        Limits d = Limits.defaults();
        Limits deep = new Limits(d.fileBytes(), d.decompressedBytes(), d.compressionRatio(), d.samples(), d.locations(),
                d.functions(), d.strings(), d.stringLength(), 200_000, d.replicates());
        return CollapsedReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test", deep);
    }
}
