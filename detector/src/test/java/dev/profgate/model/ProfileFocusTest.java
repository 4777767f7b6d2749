package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.format.CollapsedReader;
import dev.profgate.format.ProfileFormat;
import dev.profgate.workload.WorkloadRecorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutting a profile to the stacks under chosen frames, re-rooted there: folded stacks and a real JFR recording. */
class ProfileFocusTest {
    @TempDir
    Path dir;

    @Test
    void keepsOnlyStacksThroughAMatchingFrameRootedAtTheOutermostOne() throws IOException {
        Profile profile = collapsed("""
                main;runner;a_jmhStub;bench;work 10
                main;runner;a_jmhStub;bench;other 5
                main;setup;init 7
                main;runner;a_jmhStub 1
                main;runner;a_jmhStub;bench;inner_jmhStub;deep 2
                """);
        Profile focused = ProfileFocus.under(profile, name -> name.endsWith("_jmhStub"));
        assertEquals(Map.of("a_jmhStub;bench;work", 10L, "a_jmhStub;bench;other", 5L, "a_jmhStub", 1L,
                "a_jmhStub;bench;inner_jmhStub;deep", 2L), folded(focused));
        assertEquals(profile.header(), focused.header());
    }

    @Test
    void nothingMatchingLeavesAnEmptyProfile() throws IOException {
        Profile focused = ProfileFocus.under(collapsed("main;work 3\n"), name -> name.endsWith("_jmhStub"));
        assertTrue(focused.isEmpty());
    }

    @Test
    void movesTheTimelineSamplesOfAJfrRecordingWithTheirStacks() throws Exception {
        Path recording = WorkloadRecorder.jfr(dir.resolve("cpu.jfr"), "profile", Map.of(), List.of(), "cpu,alloc",
                "2000").await();
        Profile profile = ProfileFormat.read(recording);
        String spin = "dev.profgate.workload.ProfiledWorkload.spin";
        Profile focused = ProfileFocus.under(profile, spin::equals);
        int samples = profile.header().indexOf("samples");
        long expected = stacksThrough(profile, spin, samples);
        assertTrue(expected >= 5, "CPU samples in spin: " + expected);
        assertEquals(expected, focused.tree().total(samples));
        long onTimeline = 0;
        for (int s = 0; s < focused.timeline().size(); s++) {
            onTimeline += focused.timeline().value(s, samples);
            assertEquals(spin, focused.frames().function(focused.tree().frame(rootChild(focused.tree(),
                    focused.timeline().node(s)))));
        }
        assertEquals(expected, onTimeline);
        long split = focused.splitByTime(3).stream().mapToLong(p -> p.tree().total(samples)).sum();
        assertEquals(expected, split);
        assertTheLastPartIsTheLatestSamples(focused, samples);
    }

    /** {@code lastPart} keeps a later part of the timeline: every kept sample is as late as any dropped one. */
    private static void assertTheLastPartIsTheLatestSamples(Profile profile, int type) {
        Profile half = profile.lastPart(0.5);
        Timeline all = profile.timeline();
        Timeline kept = half.timeline();
        long firstKept = Long.MAX_VALUE;
        long keptValue = 0;
        for (int s = 0; s < kept.size(); s++) {
            firstKept = Math.min(firstKept, kept.time(s));
            keptValue += kept.value(s, type);
        }
        long dropped = 0;
        long laterNotKept = 0;
        for (int s = 0; s < all.size(); s++) {
            dropped += all.time(s) < firstKept ? all.value(s, type) : 0;
            laterNotKept += all.time(s) >= firstKept ? all.value(s, type) : 0;
        }
        assertTrue(kept.size() > 0 && kept.size() < all.size(), kept.size() + " of " + all.size());
        assertEquals(keptValue, half.tree().total(type));
        assertEquals(keptValue, laterNotKept);
        assertEquals(profile.tree().total(type), keptValue + dropped);
        assertEquals(profile, profile.lastPart(1));
    }

    private static long stacksThrough(Profile profile, String function, int type) {
        CallTree tree = profile.tree();
        long sum = 0;
        for (int node = 1; node < tree.size(); node++) {
            for (int n = node; n != CallTree.ROOT; n = tree.parent(n)) {
                if (profile.frames().function(tree.frame(n)).equals(function)) {
                    sum += tree.self(node, type);
                    break;
                }
            }
        }
        return sum;
    }

    private static int rootChild(CallTree tree, int node) {
        int n = node;
        while (tree.parent(n) != CallTree.ROOT) {
            n = tree.parent(n);
        }
        return n;
    }

    private static Profile collapsed(String text) throws IOException {
        return CollapsedReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    /** Stack (root first, joined by ;) to self value, for nodes with a value. */
    private static Map<String, Long> folded(Profile profile) {
        Map<String, Long> stacks = new TreeMap<>();
        CallTree tree = profile.tree();
        for (int node = 1; node < tree.size(); node++) {
            if (tree.self(node, 0) != 0) {
                List<String> names = new ArrayList<>();
                for (int frame : tree.path(node)) {
                    names.add(profile.frames().function(frame));
                }
                stacks.put(String.join(";", names), tree.self(node, 0));
            }
        }
        return stacks;
    }
}
