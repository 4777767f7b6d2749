package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileComparatorTest {
    private static final Map<String, Double> SERVICE = Map.of(
            "main;handle;parse;decode", 30.0,
            "main;handle;parse", 10.0,
            "main;handle;validate;check", 5.0,
            "main;handle;render;encode", 30.0,
            "main;handle;render", 5.0,
            "gc;mark", 20.0);

    private static Map<String, Double> with(Map<String, Double> weights, Map<String, Double> changes) {
        Map<String, Double> result = new HashMap<>(weights);
        changes.forEach((stack, weight) -> result.merge(stack, weight, Double::sum));
        return result;
    }

    private static Comparison compare(List<Profile> base, List<Profile> head) {
        return ProfileComparator.compare(base, head, null, Policy.defaults());
    }

    private static Finding finding(Comparison comparison, String function) {
        return comparison.findings().stream().filter(f -> f.function().equals(function)).findFirst().orElse(null);
    }

    @Test
    void aProfileAgainstItselfPasses() {
        Random random = new Random(1);
        List<Profile> base = TestProfiles.replicates("base", SERVICE, 5, 2000, 0.1, random);
        Comparison comparison = compare(base, base);
        assertEquals(Verdict.PASS, comparison.verdict());
        assertTrue(comparison.findings().isEmpty(), comparison.findings().toString());
        Comparison single = compare(base.subList(0, 1), base.subList(0, 1));
        assertEquals(Verdict.PASS, single.verdict());
        assertTrue(single.findings().isEmpty());
    }

    @Test
    void theCulpritIsListedNotItsCallers() {
        Random random = new Random(2);
        Map<String, Double> slower = with(SERVICE, Map.of(
                "main;handle;validate;compile;parseRegexp", 12.0,
                "main;handle;validate;compile;onePass", 8.0,
                "main;handle;validate;compile;simplify", 6.0));
        Comparison comparison = compare(TestProfiles.replicates("base", SERVICE, 5, 2000, 0.1, random),
                TestProfiles.replicates("head", slower, 5, 2000, 0.1, random));
        assertEquals(Verdict.FAIL, comparison.verdict());
        Finding first = comparison.findings().get(0);
        assertEquals("compile", first.function());
        assertEquals(FindingKind.NEW, first.kind());
        assertEquals(Verdict.FAIL, first.severity());
        assertEquals(List.of("main", "handle", "validate", "compile"), first.callPath());
        assertEquals(new SourceRef(TestProfiles.file("compile"), 10 + "compile".length()), first.source());
        assertEquals(0.0, first.base());
        assertTrue(first.ci().contains(first.delta()) && first.ci().low() > 0.1, first.ci().toString());
        assertTrue(first.qValue() < 1e-6 && first.welchP() < 0.01 && first.mannWhitneyP() < 0.05, first.toString());
        for (String caller : List.of("main", "handle", "validate")) {
            assertEquals(null, finding(comparison, caller), caller + " is a caller, not a culprit");
        }
    }

    @Test
    void aFunctionSlowerUnderSeveralCallersIsTheCulprit() {
        // validate's increase fans out evenly into a and b; both reach format, which carries all of it
        Random random = new Random(3);
        Map<String, Double> base = with(SERVICE, Map.of("main;handle;validate;a;format", 0.5,
                "main;handle;validate;b;format", 0.5));
        Map<String, Double> head = with(base, Map.of("main;handle;validate;a;format", 3.0,
                "main;handle;validate;b;format", 3.0));
        Comparison comparison = compare(TestProfiles.replicates("base", base, 5, 3000, 0.05, random),
                TestProfiles.replicates("head", head, 5, 3000, 0.05, random));
        Finding first = comparison.findings().get(0);
        assertEquals("format", first.function());
        assertEquals(FindingKind.REGRESSION, first.kind());
        assertEquals("validate", first.callPath().get(2));
        assertEquals(null, finding(comparison, "validate"));
    }

    @Test
    void aChangeSpreadOverManyEntryPointsIsFound() {
        // each worker's hash grows by less than the floors; the function as a whole grows by 1.7 share points
        Random random = new Random(4);
        Map<String, Double> base = new HashMap<>();
        Map<String, Double> head = new HashMap<>();
        for (int thread = 0; thread < 40; thread++) {
            base.put("worker" + thread + ";run;step", 8.0);
            base.put("worker" + thread + ";run;hash", 0.25);
            head.put("worker" + thread + ";run;step", 8.0);
            head.put("worker" + thread + ";run;hash", 0.4);
        }
        Comparison comparison = compare(TestProfiles.replicates("base", base, 5, 4000, 0.03, random),
                TestProfiles.replicates("head", head, 5, 4000, 0.03, random));
        assertEquals("hash", comparison.findings().get(0).function());
        assertEquals(Finding.Metric.TOTAL_SHARE, comparison.findings().get(0).metric(), "a culprit, not a self-time leftover");
        assertEquals(FindingKind.REGRESSION, comparison.findings().get(0).kind());
    }

    @Test
    void costMovedUnderAnUnchangedCallerIsAShift() {
        Random random = new Random(5);
        Map<String, Double> base = Map.of("main;svc;a", 15.0, "main;svc;b", 15.0, "main;other;x", 70.0);
        Map<String, Double> head = Map.of("main;svc;a", 25.0, "main;svc;b", 5.0, "main;other;x", 70.0);
        Comparison comparison = compare(TestProfiles.replicates("base", base, 5, 4000, 0.03, random),
                TestProfiles.replicates("head", head, 5, 4000, 0.03, random));
        assertEquals(FindingKind.SHIFT, finding(comparison, "a").kind());
        assertEquals(FindingKind.SHIFT, finding(comparison, "b").kind());
        assertEquals(Verdict.PASS, comparison.verdict());
    }

    @Test
    void noShiftIsClaimedUnderACallerThatIsTheWholeProfile() {
        Random random = new Random(6);
        Map<String, Double> base = Map.of("main;svc;a", 50.0, "main;svc;b", 50.0);
        Map<String, Double> head = Map.of("main;svc;a", 80.0, "main;svc;b", 20.0);
        Comparison comparison = compare(TestProfiles.replicates("base", base, 5, 4000, 0.03, random),
                TestProfiles.replicates("head", head, 5, 4000, 0.03, random));
        assertEquals(FindingKind.REGRESSION, finding(comparison, "a").kind());
        assertEquals(Verdict.FAIL, comparison.verdict());
    }

    @Test
    void policyIgnoresBudgetsAndFloors() {
        Random random = new Random(7);
        Map<String, Double> head = with(SERVICE, Map.of("main;handle;validate;check", 6.0));
        List<Profile> base = TestProfiles.replicates("base", SERVICE, 5, 3000, 0.05, random);
        List<Profile> heads = TestProfiles.replicates("head", head, 5, 3000, 0.05, random);
        Policy defaults = Policy.defaults();
        assertEquals("check", compare(base, heads).findings().get(0).function());

        Policy ignoring = new Policy(0.05, null, defaults.fail(), defaults.warn(), List.of(), List.of("ch?ck", "valid*"),
                2.0, Policy.RUN_VARIATION, 5);
        Comparison ignored = ProfileComparator.compare(base, heads, null, ignoring);
        assertEquals(null, finding(ignored, "check"));
        assertEquals(null, finding(ignored, "validate"));

        Policy strict = new Policy(0.05, null, new Policy.Floors(0.2, 0.1), defaults.warn(), List.of(), List.of(), 2.0, Policy.RUN_VARIATION, 5);
        Comparison warned = ProfileComparator.compare(base, heads, null, strict);
        assertEquals(Verdict.WARN, warned.verdict());
        assertEquals(Verdict.WARN, finding(warned, "check").severity());

        Policy budget = new Policy(0.05, null, defaults.fail(), defaults.warn(),
                List.of(new Policy.Budget("enc*", 0.2)), List.of(), 2.0, Policy.RUN_VARIATION, 5);
        Comparison overBudget = ProfileComparator.compare(base, base, null, budget);
        assertEquals(Verdict.FAIL, overBudget.verdict());
        assertTrue(overBudget.notes().stream().anyMatch(n -> n.startsWith("budget exceeded: encode takes")),
                overBudget.notes().toString());
    }

    @Test
    void oneTimestampedProfilePerSideIsSplitByTime() {
        Random random = new Random(8);
        Map<String, Double> head = with(SERVICE, Map.of("main;handle;validate;compile", 20.0));
        Profile base = TestProfiles.withTimeline("base.jfr", SERVICE, 5, 1000, 0.05, random);
        Profile slower = TestProfiles.withTimeline("head.jfr", head, 5, 1000, 0.05, random);
        Comparison comparison = compare(List.of(base), List.of(slower));
        assertEquals(5, comparison.base().replicates());
        assertEquals(5, comparison.head().replicates());
        assertEquals(List.of("base.jfr"), comparison.base().sources());
        assertTrue(comparison.notes().get(0).contains("split into 5 time windows"), comparison.notes().get(0));
        assertEquals("compile", comparison.findings().get(0).function());
        assertFalse(Double.isNaN(comparison.findings().get(0).welchP()));
    }

    @Test
    void oneUntimedProfilePerSideUsesTheFixedDispersion() {
        Random random = new Random(9);
        Map<String, Double> head = with(SERVICE, Map.of("main;handle;validate;compile", 20.0));
        Comparison comparison = compare(TestProfiles.replicates("base", SERVICE, 1, 5000, 0, random),
                TestProfiles.replicates("head", head, 1, 5000, 0, random));
        assertTrue(comparison.notes().get(0).contains("fixed over-dispersion factor of 2.00"));
        Finding first = comparison.findings().get(0);
        assertEquals("compile", first.function());
        assertTrue(Double.isNaN(first.welchP()) && Double.isNaN(first.mannWhitneyP()));
    }

    @Test
    void minimumDetectableEffectShrinksWithMoreSamplesDownToTheRunToRunVariation() {
        Random random = new Random(10);
        Policy defaults = Policy.defaults();
        Policy noRunVariation = new Policy(defaults.fdr(), null, defaults.fail(), defaults.warn(), List.of(), List.of(),
                defaults.overdispersion(), 0, defaults.replicatesPerProfile());
        List<Profile> smallBase = TestProfiles.replicates("b", SERVICE, 1, 1000, 0, random);
        List<Profile> smallHead = TestProfiles.replicates("h", SERVICE, 1, 1000, 0, random);
        List<Profile> largeBase = TestProfiles.replicates("b", SERVICE, 1, 16000, 0, random);
        List<Profile> largeHead = TestProfiles.replicates("h", SERVICE, 1, 16000, 0, random);
        double small = ProfileComparator.compare(smallBase, smallHead, null, noRunVariation).minimumDetectableEffect();
        double large = ProfileComparator.compare(largeBase, largeHead, null, noRunVariation).minimumDetectableEffect();
        assertEquals(4.0, small / large, 0.01);
        double floor = compare(largeBase, largeHead).minimumDetectableEffect();
        assertTrue(floor > 2 * large && floor > 4.5 * Policy.RUN_VARIATION * ProfileComparator.MDE_REFERENCE_SHARE,
                "one run per side cannot see a change much smaller than its run-to-run variation: " + floor);
    }

    @Test
    void theDiffTreeMarksTheCulpritPath() {
        Random random = new Random(11);
        Map<String, Double> head = with(SERVICE, Map.of("main;handle;validate;compile", 20.0));
        Comparison comparison = compare(TestProfiles.replicates("base", SERVICE, 5, 2000, 0.05, random),
                TestProfiles.replicates("head", head, 5, 2000, 0.05, random));
        DiffNode node = comparison.tree();
        for (String function : List.of("main", "handle", "validate", "compile")) {
            node = node.children().stream().filter(c -> c.function().equals(function)).findFirst().orElseThrow();
        }
        assertTrue(node.culprit() && node.significant());
        assertEquals(0.0, node.base());
        assertEquals("main", comparison.tree().children().get(0).function(), "children by share, largest first");
    }

    @Test
    void badInputsAreOneLineErrorsNamingTheFile() {
        Profile base = TestProfiles.of("base.pb.gz", Map.of("main;work", 10L));
        String missing = assertThrows(BadInputException.class,
                () -> ProfileComparator.compare(List.of(base), List.of(base), "alloc_space", Policy.defaults())).getMessage();
        assertEquals("base.pb.gz: no sample type 'alloc_space'; available: samples, cpu", missing);

        Profile bytes = new Profile("head/x.pb.gz", new ProfileHeader(List.of(new SampleType("samples", "count"),
                new SampleType("cpu", "bytes")), 1, null, 0, 0, 0), base.frames(), base.tree(), null);
        assertEquals("head/x.pb.gz: sample type 'cpu' is in bytes here but in nanoseconds in base.pb.gz",
                assertThrows(BadInputException.class, () -> compare(List.of(base), List.of(bytes))).getMessage());

        Profile empty = TestProfiles.of("head/empty.pb.gz", Map.of());
        assertEquals("head/empty.pb.gz: no samples of type 'cpu'",
                assertThrows(BadInputException.class, () -> compare(List.of(base), List.of(empty))).getMessage());
        assertEquals("head: no profiles to compare",
                assertThrows(BadInputException.class, () -> compare(List.of(base), List.of())).getMessage());
    }
}
