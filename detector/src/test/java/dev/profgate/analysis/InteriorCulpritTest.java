package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's culprits where the cost spreads, on synthetic profiles whose ground truth is known: extra cost spread
 * over an interior function's callees names that function, and a change just under the floors is not handed to its
 * caller. Five runs a side of 40,000 samples, so the power is the engine's, not the sample's.
 */
class InteriorCulpritTest {
    private static final Map<String, Double> SERVICE = Map.of(
            "main;serve;handle;parse", 1.5, "main;serve;handle;validate", 1.5, "main;serve;handle;sign", 1.5,
            "main;serve;handle;render", 1.5, "main;serve;route", 6.0, "main;serve;io", 42.0,
            "main;background;gc", 30.0, "main;background;log", 16.0);

    private static List<Finding> findings(Map<String, Double> head, long seed) {
        Random random = new Random(seed);
        return ProfileComparator.compare(TestProfiles.replicates("base", SERVICE, 5, 40_000, 0.03, random),
                TestProfiles.replicates("head", head, 5, 40_000, 0.03, random), null, Policy.defaults()).findings();
    }

    @Test
    void onePercentSpreadOverAnInteriorFunctionsCalleesNamesThatFunction() {
        Map<String, Double> head = new HashMap<>(SERVICE);
        for (String callee : List.of("parse", "validate", "sign", "render")) {
            head.merge("main;serve;handle;" + callee, 0.25, Double::sum);
        }
        for (long seed = 1; seed <= 5; seed++) {
            List<Finding> findings = findings(head, seed);
            Finding first = findings.get(0);
            assertEquals("handle", first.function(), "seed " + seed + ": " + findings);
            assertEquals(Finding.Metric.TOTAL_SHARE, first.metric(), "its total change, tested");
            assertEquals(Verdict.FAIL, first.severity(), "+1% of CPU on a 6% function: +17%: " + first);
            assertTrue(findings.stream().noneMatch(f -> f.severity() == Verdict.FAIL && f.function().matches(
                    "parse|validate|sign|render")), "seed " + seed + ": no callee failed on its own: " + findings);
        }
    }

    @Test
    void aChangeJustUnderTheFloorsIsNotHandedToItsCaller() {
        Map<String, Double> head = new HashMap<>(SERVICE);
        head.merge("main;serve;handle;validate", 0.3, Double::sum);
        for (long seed = 1; seed <= 5; seed++) {
            List<Finding> findings = findings(head, seed);
            assertTrue(findings.stream().noneMatch(f -> f.function().equals("handle") || f.function().equals("serve")
                    || f.function().equals("main")), "seed " + seed + ": a caller named for validate's change: "
                    + findings);
            assertTrue(findings.stream().allMatch(f -> f.severity() != Verdict.FAIL), "seed " + seed
                    + ": +0.3 points is under the 0.5-point fail floor: " + findings);
        }
    }
}
