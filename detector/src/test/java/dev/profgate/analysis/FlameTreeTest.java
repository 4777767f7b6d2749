package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.model.Profile;
import dev.profgate.source.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlameTreeTest {
    private static final Path V1 = TestFiles.fixturesPprof().resolve("go-payments-v1.cpu.pb.gz");
    private static final Path V2 = TestFiles.fixturesPprof().resolve("go-payments-v2-regex-per-call.cpu.pb.gz");
    private static final long PERIOD_NS = 10_000_000;

    @Test
    void wholeTreeKeepsEverySampleAndNests() {
        Comparison c = compare(V1, V2);
        FlameTree tree = c.flame();
        assertEquals(c.base().samples(), tree.baseTotal(0));
        assertEquals(c.head().samples(), tree.headTotal(0));
        long[] baseChildren = new long[tree.size()];
        long[] headChildren = new long[tree.size()];
        for (int node = 1; node < tree.size(); node++) {
            assertTrue(tree.parent(node) < node);
            baseChildren[tree.parent(node)] += tree.baseTotal(node);
            headChildren[tree.parent(node)] += tree.headTotal(node);
        }
        for (int node = 0; node < tree.size(); node++) {
            assertTrue(baseChildren[node] <= tree.baseTotal(node) && headChildren[node] <= tree.headTotal(node));
        }
    }

    /** go tool pprof's cum of regexp.compile in v2 equals the head samples under its top-most nodes. */
    @Test
    void regexCompiledPerCallIsASignificantNewFrameWithPprofsTotal() throws IOException {
        FlameTree tree = compare(V1, V2).flame();
        long headSamples = 0;
        int significant = 0;
        for (int node = 1; node < tree.size(); node++) {
            if (tree.name(node).equals("regexp.compile") && !hasAncestor(tree, node, "regexp.compile")) {
                headSamples += tree.headTotal(node);
                assertEquals(0, tree.baseTotal(node), "v1 never compiles a regexp");
                if (tree.significant(node)) {
                    significant++;
                    assertTrue(hasAncestor(tree, node, "payments.validate"));
                    assertTrue(tree.ci(node).low() > 0 && tree.qValue(node) <= 0.05, tree.ci(node).toString());
                }
            }
        }
        assertEquals(cumulative(V2, "regexp.compile") / PERIOD_NS, headSamples);
        assertTrue(significant > 0);
    }

    @Test
    void identicalProfilesPaintNothing() {
        FlameTree tree = compare(V1, V1).flame();
        int tested = 0;
        for (int node = 0; node < tree.size(); node++) {
            assertFalse(tree.significant(node), tree.name(node));
            tested += tree.tested(node) ? 1 : 0;
        }
        assertTrue(tested > 10, "nodes above the effect floor are tested: " + tested);
        assertFalse(tree.tested(0), "the root is all samples on both sides");
    }

    @Test
    void mergingSmallFramesKeepsEveryTotalAndEverySignificantFrame() {
        FlameTree tree = compare(V1, V2).flame();
        double fraction = 0.01;
        FlameTree merged = tree.merged(fraction);
        assertTrue(merged.size() < tree.size(), merged.size() + " of " + tree.size());
        long[] base = new long[merged.size()];
        long[] head = new long[merged.size()];
        int mergedFrames = 0;
        for (int node = 1; node < merged.size(); node++) {
            assertTrue(merged.parent(node) < node);
            base[merged.parent(node)] += merged.baseTotal(node);
            head[merged.parent(node)] += merged.headTotal(node);
            boolean small = merged.baseTotal(node) < fraction * tree.baseTotal(0)
                    && merged.headTotal(node) < fraction * tree.headTotal(0);
            mergedFrames += merged.name(node).equals(FlameTree.MERGED) ? 1 : 0;
            assertTrue(!small || merged.significant(node) || merged.name(node).equals(FlameTree.MERGED),
                    merged.name(node));
        }
        assertTrue(mergedFrames > 0);
        for (int node = 0; node < merged.size(); node++) {
            assertTrue(base[node] <= merged.baseTotal(node) && head[node] <= merged.headTotal(node), merged.name(node));
        }
        assertEquals(tree.headTotal(0), merged.headTotal(0));
        assertEquals(count(tree), count(merged), "significant frames");
        assertEquals(tree, tree.merged(0), "nothing is under 0%");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int node = 0; node < merged.size(); node++) {
            names.add(merged.name(node));
        }
        assertEquals(names.size(), merged.functionCount(), "only the names of the frames left");
    }

    private static long count(FlameTree tree) {
        return java.util.stream.IntStream.range(0, tree.size()).filter(tree::significant).count();
    }

    @Test
    void emptyTreeIsTheRootAlone() {
        FlameTree empty = FlameTree.empty();
        assertEquals(1, empty.size());
        assertEquals(0, empty.headTotal(0));
        assertFalse(empty.tested(0));
    }

    private static Comparison compare(Path base, Path head) {
        List<Profile> b = ProfileLoader.load(List.of(base.toString()));
        List<Profile> h = ProfileLoader.load(List.of(head.toString()));
        return ProfileComparator.compare(b, h, null, Policy.defaults());
    }

    private static boolean hasAncestor(FlameTree tree, int node, String name) {
        for (int n = tree.parent(node); n > 0; n = tree.parent(n)) {
            if (tree.name(n).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static long cumulative(Path profile, String function) throws IOException {
        String tsv = profile.getFileName().toString().replace(".pb.gz", ".top.tsv");
        return Files.readAllLines(profile.resolveSibling(tsv)).stream()
                .map(line -> line.split("\t"))
                .filter(cols -> cols[0].equals(function))
                .mapToLong(cols -> Long.parseLong(cols[2]))
                .findFirst().orElseThrow();
    }
}
