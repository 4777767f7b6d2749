package dev.profgate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticProfilesTest {
    private static final SyntheticProfiles.Shape SMALL = new SyntheticProfiles.Shape(500, 5_000, 50_000, 10, 60, 1.0);
    private static Profile base;

    @BeforeAll
    static void generate() {
        base = new SyntheticProfiles(SyntheticProfiles.Shape.LARGE, 1).profile("base", 2);
    }

    @Test
    void largeProfileHasAMillionSamplesOverAHundredThousandDistinctStacks() {
        assertEquals(1_000_000, base.tree().total(0));
        assertEquals(1_000_000L * base.header().period(), base.tree().total(1));
        long[] samples = base.tree().selfValues(0);
        assertTrue(Arrays.stream(samples).filter(v -> v > 0).count() >= 100_000);
    }

    @Test
    void stacksAreTenToSixtyFramesDeep() {
        long[] samples = base.tree().selfValues(0);
        int[] depth = new int[base.tree().size()];
        for (int node = 1; node < depth.length; node++) {
            depth[node] = depth[base.tree().parent(node)] + 1;
            if (samples[node] > 0) {
                assertTrue(depth[node] >= 10 && depth[node] <= 60, "depth " + depth[node]);
            }
        }
    }

    @Test
    void hasHundredsToThousandsOfFunctionsAndAHeavyHead() {
        Dictionary functions = new Dictionary();
        FunctionTotals.of(base, base.tree().selfValues(0), functions);
        assertTrue(functions.size() >= 300 && functions.size() <= 3000, functions.size() + " functions");
        long[] perStack = Arrays.stream(base.tree().selfValues(0)).filter(v -> v > 0).sorted().toArray();
        long topPercent = 0;
        for (int i = perStack.length - perStack.length / 100; i < perStack.length; i++) {
            topPercent += perStack[i];
        }
        assertTrue(topPercent > 1_000_000 / 3, "the hottest 1% of stacks hold " + topPercent + " samples");
    }

    @Test
    void sameSeedsGiveTheSameProfileAndOtherSeedsOnlyNoise() {
        Profile first = new SyntheticProfiles(SMALL, 1).profile("first", 2);
        Profile again = new SyntheticProfiles(SMALL, 1).profile("again", 2);
        assertArrayEquals(first.tree().selfValues(0), again.tree().selfValues(0));
        Profile other = new SyntheticProfiles(SMALL, 1).profile("other", 3);
        assertEquals(first.tree().size(), other.tree().size());
        assertFalse(Arrays.equals(first.tree().selfValues(0), other.tree().selfValues(0)));
    }

    @Test
    void regressedProfileMakesTheChosenFunctionMoreExpensive() {
        SyntheticProfiles small = new SyntheticProfiles(SMALL, 1);
        double baseShare = selfShare(small.profile("base", 2), small.regressedFunction());
        double headShare = selfShare(small.regressed("head", 3, 1.5), small.regressedFunction());
        assertTrue(headShare > baseShare * 1.3, baseShare + " -> " + headShare);
    }

    private static double selfShare(Profile profile, String function) {
        Dictionary functions = new Dictionary();
        FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(0), functions);
        return totals.self(functions.find(function)) / (double) totals.grandTotal();
    }

    @Test
    void askingForMoreStacksThanTheProgramHasFails() {
        SyntheticProfiles.Shape oneFrame = new SyntheticProfiles.Shape(100, 1000, 1000, 1, 1, 1.0);
        assertThrows(IllegalArgumentException.class, () -> new SyntheticProfiles(oneFrame, 1));
    }
}
