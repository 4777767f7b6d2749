package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallTreeTest {

    @Test
    void samePathGivesSameNodeAndEveryNodeKnowsItsPathThroughManyRegrowths() {
        Random random = new Random(11);
        CallTree tree = new CallTree(1, 16);
        Map<List<Integer>, Integer> leafOfPath = new HashMap<>();
        for (int s = 0; s < 50_000; s++) {
            int depth = 1 + random.nextInt(30);
            int[] leafFirst = new int[depth];
            for (int i = 0; i < depth; i++) {
                leafFirst[i] = random.nextInt(40) - 3;
            }
            int leaf = tree.addStack(leafFirst, depth);
            List<Integer> rootFirst = new ArrayList<>();
            for (int i = depth - 1; i >= 0; i--) {
                rootFirst.add(leafFirst[i]);
            }
            Integer earlier = leafOfPath.putIfAbsent(rootFirst, leaf);
            assertEquals(earlier == null ? leaf : earlier, leaf);
            assertArrayEquals(rootFirst.stream().mapToInt(Integer::intValue).toArray(), tree.path(leaf));
        }
        for (int node = 1; node < tree.size(); node++) {
            assertTrue(tree.parent(node) < node);
            assertEquals(node, tree.child(tree.parent(node), tree.frame(node)));
        }
    }

    @Test
    void nodeCountEqualsDistinctPrefixes() {
        CallTree tree = new CallTree(2);
        tree.addStack(new int[] {3, 2, 1}, 3);
        tree.addStack(new int[] {4, 2, 1}, 3);
        tree.addStack(new int[] {2, 1}, 2);
        tree.addStack(new int[] {1, 2}, 2);
        assertEquals(1 + 4 + 2, tree.size());
    }

    @Test
    void selfValuesAndSubtreeTotalsPerType() {
        CallTree tree = new CallTree(2);
        int leaf = tree.addStack(new int[] {7, 5}, 2);
        int mid = tree.addStack(new int[] {5}, 1);
        tree.addSelf(leaf, 1, 30);
        tree.addSelf(mid, 1, 12);
        tree.addSelf(leaf, 0, 3);
        long[] totals = tree.subtreeTotals(tree.selfValues(1));
        assertEquals(42, totals[CallTree.ROOT]);
        assertEquals(42, totals[mid]);
        assertEquals(30, totals[leaf]);
        assertEquals(3, tree.total(0));
        assertEquals(Arrays.asList(0L, 0L, 3L), Arrays.stream(tree.selfValues(0)).boxed().toList());
    }
}
