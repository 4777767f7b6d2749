package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Synthetic regressions go where they are asked to, in the amount asked for, and keep a profile's timeline. */
class InjectionTest {
    private static final Profile PROFILE = TestProfiles.of("p", Map.of("main;a;leaf", 60L, "main;b;leaf", 40L,
            "main;b;c", 100L, "main;d", 800L));

    @Test
    void intoOneFunctionAddsTheFractionOfAllSamplesToItsSelfTimeInProportionToItsStacks() {
        Profile injected = Injection.intoFunction(PROFILE, "leaf", 0.03);
        assertEquals(1030, injected.tree().total(0));
        assertEquals(60 + 18, self(injected, "main;a;leaf", 0));
        assertEquals(40 + 12, self(injected, "main;b;leaf", 0));
        assertEquals(52 * TestProfiles.PERIOD, self(injected, "main;b;leaf", 1));
        assertEquals(800, self(injected, "main;d", 0));
        assertEquals(1000, PROFILE.tree().total(0), "the original is left alone");
    }

    @Test
    void underCalleesAddsAnEqualPartToEachCalleeAlongItsStacksFromTheFunction() {
        Profile injected = Injection.underCallees(PROFILE, "main", List.of("a", "b", "d"), 0.03);
        assertEquals(1030, injected.tree().total(0));
        assertEquals(60 + 10, self(injected, "main;a;leaf", 0));
        assertEquals(40 + 3, self(injected, "main;b;leaf", 0));
        assertEquals(100 + 7, self(injected, "main;b;c", 0));
        assertEquals(800 + 10, self(injected, "main;d", 0));
        assertEquals(0, self(injected, "main;a", 0));
    }

    @Test
    void aFunctionWithoutSamplesCannotBeInjectedInto() {
        assertThrows(IllegalArgumentException.class, () -> Injection.intoFunction(PROFILE, "absent", 0.01));
    }

    @Test
    void aTimestampedProfileKeepsItsTimelineWithTheAddedSamplesSpreadOverIt() {
        Profile timed = TestProfiles.withTimeline("t", Map.of("main;a", 0.05, "main;d", 0.95), 4, 500, 0,
                new Random(1));
        Profile injected = Injection.intoFunction(timed, "a", 0.04);
        assertTrue(injected.hasTimeline());
        assertEquals(timed.timeline().size() + 80, injected.timeline().size());
        List<Profile> before = timed.splitByTime(4);
        List<Profile> after = injected.splitByTime(4);
        for (int w = 0; w < 4; w++) {
            long added = self(after.get(w), "main;a", 0) - self(before.get(w), "main;a", 0);
            assertTrue(added >= 19 && added <= 21, after.get(w).source() + ": " + added);
            assertEquals(self(before.get(w), "main;d", 0), self(after.get(w), "main;d", 0));
        }
    }

    /** The self value of column {@code type} at the node of {@code stack} (root first, {@code ;}-separated). */
    private static long self(Profile profile, String stack, int type) {
        CallTree tree = profile.tree();
        int node = CallTree.ROOT;
        for (String function : stack.split(";")) {
            int parent = node;
            node = -1;
            for (int n = 1; n < tree.size() && node < 0; n++) {
                if (tree.parent(n) == parent && profile.frames().function(tree.frame(n)).equals(function)) {
                    node = n;
                }
            }
            assertTrue(node > 0, stack + " not in " + profile.source());
        }
        return tree.self(node, type);
    }
}
