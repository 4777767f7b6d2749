package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.model.Profile;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A function that holds nearly all of both sides (the request handler everything runs under) is never named: its
 * change relative to the unchanged code is the scale's error as much as anything. Here the scale is off on purpose
 * (three functions are too few to estimate it, so a measured scale 20% off is used), and the change under the
 * handler must still be named at its callees, the injected one first.
 */
class ScaleBoundTest {
    private static final Map<String, Long> BASE = Map.of("main;handle;parse", 600L, "main;handle;render", 500L,
            "main;handle;tax", 100L, "main;idle", 1L);
    private static final Map<String, Long> HEAD = Map.of("main;handle;parse", 600L, "main;handle;render", 500L,
            "main;handle;tax", 190L, "main;idle", 1L);

    @Test
    void aChangeUnderTheHandlerIsNamedAtItsCalleeNotAtTheHandler() {
        Comparison comparison = ProfileComparator.compare(replicates("base", BASE), replicates("head", HEAD), null,
                Policy.defaults(), new MeasuredScale(0.8, 1e-6, "test scale"));
        List<String> named = comparison.findings().stream().map(Finding::function).toList();
        assertFalse(named.contains("handle"), named.toString());
        assertFalse(named.contains("main"), named.toString());
        assertEquals("tax", named.get(0), named.toString());
        assertEquals(Verdict.FAIL, comparison.verdict());
    }

    @Test
    void onlyRowsWithNearlyAllOfBothSidesAreScaleBound() {
        long[] table = {95, 95, 95, 80, 90, 90, 5, 5, 5};
        boolean[] bound = ScaleBound.of(table, 3, new long[] {100, 100, 100}, 1);
        assertTrue(bound[0]);
        assertFalse(bound[1]);
        assertFalse(bound[2]);
    }

    private static List<Profile> replicates(String name, Map<String, Long> stacks) {
        return IntStream.range(0, 5).mapToObj(r -> TestProfiles.of(name + r, stacks)).toList();
    }
}
