package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.format.CollapsedReader;
import dev.profgate.model.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * One head replicate in which three large functions lose most of their samples to a new frame (what a JIT
 * recompilation looks like in a JFR window) is left out, and a small regression elsewhere is still found.
 */
class ReplicateScreenTest {
    private static final Map<String, Double> COSTS = Map.of("parse", 300.0, "render", 300.0, "price", 300.0,
            "audit", 25.0, "tax", 25.0, "route", 25.0, "quota", 25.0);
    private final Well19937c random = new Well19937c(17);

    @Test
    void aReplicateWhoseWholeCompositionMovedIsLeftOutAndTheRegressionIsStillFound() {
        List<Profile> base = new ArrayList<>();
        List<Profile> head = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            base.add(replicate("base" + r, 0, false));
            head.add(replicate("head" + r, 25, r == 2));
        }
        Comparison comparison = ProfileComparator.compare(base, head, null, Policy.defaults());
        assertEquals(4, comparison.head().replicates());
        assertTrue(comparison.notes().stream().anyMatch(note -> note.startsWith("Left out") && note.contains("head2")),
                comparison.notes().toString());
        assertEquals("audit", comparison.findings().get(0).function(), comparison.findings().toString());
    }

    @Test
    void ordinaryReplicatesAreAllKept() {
        List<Profile> base = new ArrayList<>();
        List<Profile> head = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            base.add(replicate("base" + r, 0, false));
            head.add(replicate("head" + r, 0, false));
        }
        Comparison comparison = ProfileComparator.compare(base, head, null, Policy.defaults());
        assertEquals(5, comparison.base().replicates());
        assertEquals(5, comparison.head().replicates());
        assertFalse(comparison.notes().stream().anyMatch(note -> note.startsWith("Left out")));
    }

    /** Poisson counts of {@link #COSTS}, audit raised by {@code extraAudit}; recompiled: parse, render, price lose 85%. */
    private Profile replicate(String name, double extraAudit, boolean recompiled) {
        StringBuilder folded = new StringBuilder();
        COSTS.forEach((function, cost) -> {
            double mean = cost + (function.equals("audit") ? extraAudit : 0);
            if (recompiled && cost > 100) {
                mean *= 0.15;
            }
            folded.append("main;handle;").append(function).append(' ')
                    .append(new PoissonDistribution(random, mean, 1e-12, 10_000).sample()).append('\n');
        });
        if (recompiled) {
            folded.append("main;handle;rotateLeft 120\n");
        }
        try {
            return CollapsedReader.read(new ByteArrayInputStream(folded.toString().getBytes(StandardCharsets.UTF_8)),
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
