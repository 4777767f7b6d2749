package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The differential call tree for display: nodes with at least {@link #DISPLAY_SHARE} of either side, plus the call
 * paths of the culprits, with the node tests of the culprit search (q-values over all tested nodes) and culprit
 * nodes marked. Built bottom-up without recursion.
 */
final class DiffTreeBuilder {
    /** Nodes below this share on both sides are left out unless they lead to a culprit. */
    static final double DISPLAY_SHARE = 0.01;
    /** The name of the root node (all samples). */
    static final String ROOT_NAME = "root";

    private DiffTreeBuilder() {
    }

    /** {@code inclusive}/{@code totals} are the unmasked counts; {@code culprit} flags nodes of culprits. */
    static DiffNode build(ReplicateTree tree, CountSignificance test, FeatureSignificance nodeTests, long[] inclusive, Totals totals,
                          boolean[] culprit, int[] culpritPaths, double fdr) {
        boolean[] shown = shownNodes(tree, test, inclusive, totals, culpritPaths);
        int replicates = tree.replicates();
        Map<Integer, List<DiffNode>> children = new HashMap<>();
        for (int node = tree.size() - 1; node > ReplicateTree.ROOT; node--) {
            if (!shown[node]) {
                continue;
            }
            CountSignificance.Result r = nodeTests.result(node) != null ? nodeTests.result(node)
                    : test.test(inclusive, node * replicates, totals);
            double q = nodeTests.qValue(node);
            List<DiffNode> own = sorted(children.getOrDefault(node, new ArrayList<>()));
            DiffNode diff = new DiffNode(tree.functions().name(tree.function(node)), r.base(), r.head(), r.delta(),
                    r.ci(), r.change(), q, q <= fdr, culprit[node], own);
            children.computeIfAbsent(tree.parent(node), p -> new ArrayList<>()).add(diff);
        }
        List<DiffNode> top = sorted(children.getOrDefault(ReplicateTree.ROOT, new ArrayList<>()));
        return new DiffNode(ROOT_NAME, 1, 1, 0, new Interval(0, 0), 0, Double.NaN, false, false, top);
    }

    private static boolean[] shownNodes(ReplicateTree tree, CountSignificance test, long[] inclusive, Totals totals,
                                        int[] culpritPaths) {
        boolean[] shown = new boolean[tree.size()];
        int replicates = tree.replicates();
        int base = test.baseReplicates();
        long baseTotal = totals.base();
        long headTotal = totals.head();
        for (int node = 0; node < tree.size(); node++) {
            double baseShare = (double) CountSignificance.sum(inclusive, node * replicates, 0, base) / baseTotal;
            double headShare = (double) CountSignificance.sum(inclusive, node * replicates, base, replicates) / headTotal;
            shown[node] = Math.max(baseShare, headShare) >= DISPLAY_SHARE;
        }
        for (int node : culpritPaths) {
            for (int n = node; n != ReplicateTree.ROOT && !shown[n]; n = tree.parent(n)) {
                shown[n] = true;
            }
        }
        shown[ReplicateTree.ROOT] = true;
        return shown;
    }

    private static List<DiffNode> sorted(List<DiffNode> nodes) {
        nodes.sort(Comparator.comparingDouble((DiffNode d) -> -Math.max(d.base(), d.head()))
                .thenComparing(DiffNode::function));
        return nodes;
    }
}
