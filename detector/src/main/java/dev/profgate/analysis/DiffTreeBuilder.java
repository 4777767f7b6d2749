package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The differential call tree for display: nodes with at least {@link #DISPLAY_SHARE} of either side, plus the call
 * paths of the culprits; each node tested with the primary test (q-values by Benjamini-Hochberg over the shown
 * nodes), culprit nodes marked. Built bottom-up without recursion.
 */
final class DiffTreeBuilder {
    /** Nodes below this share on both sides are left out unless they lead to a culprit. */
    static final double DISPLAY_SHARE = 0.01;
    /** The name of the root node (all samples). */
    static final String ROOT_NAME = "root";

    private DiffTreeBuilder() {
    }

    /** {@code inclusive}/{@code totals} are the unmasked first round; {@code culprit} flags nodes of culprits. */
    static DiffNode build(ReplicateTree tree, CountTest test, long[] inclusive, long[] totals, boolean[] culprit,
                          int[] culpritPaths, double fdr) {
        boolean[] shown = shownNodes(tree, test, inclusive, totals, culpritPaths);
        int[] preorder = tree.walk().preorder();
        int replicates = tree.replicates();
        CountTest.Result[] results = new CountTest.Result[tree.size()];
        double[] pValues = new double[tree.size()];
        Arrays.fill(pValues, Double.NaN);
        for (int node : preorder) {
            if (shown[node] && node != CallTree.ROOT) {
                results[node] = test.test(inclusive, node * replicates, totals);
                pValues[node] = results[node].pValue();
            }
        }
        double[] qValues = BenjaminiHochberg.qValues(pValues);
        List<List<DiffNode>> children = new ArrayList<>(Collections.nCopies(tree.size(), null));
        for (int i = preorder.length - 1; i > 0; i--) {
            int node = preorder[i];
            if (!shown[node]) {
                continue;
            }
            CountTest.Result r = results[node];
            List<DiffNode> own = children.get(node) == null ? List.of() : sorted(children.get(node));
            DiffNode diff = new DiffNode(tree.functions().name(tree.function(node)), r.base(), r.head(), r.delta(),
                    r.ci(), qValues[node], qValues[node] <= fdr, culprit[node], own);
            int parent = tree.parent(node);
            if (children.get(parent) == null) {
                children.set(parent, new ArrayList<>());
            }
            children.get(parent).add(diff);
        }
        List<DiffNode> top = children.get(CallTree.ROOT) == null ? List.of() : sorted(children.get(CallTree.ROOT));
        return new DiffNode(ROOT_NAME, 1, 1, 0, new Interval(0, 0), Double.NaN, false, false, top);
    }

    private static boolean[] shownNodes(ReplicateTree tree, CountTest test, long[] inclusive, long[] totals,
                                        int[] culpritPaths) {
        boolean[] shown = new boolean[tree.size()];
        int replicates = tree.replicates();
        int base = test.baseReplicates();
        long baseTotal = CountTest.sum(totals, 0, 0, base);
        long headTotal = CountTest.sum(totals, 0, base, replicates);
        for (int node = 0; node < tree.size(); node++) {
            double baseShare = (double) CountTest.sum(inclusive, node * replicates, 0, base) / baseTotal;
            double headShare = (double) CountTest.sum(inclusive, node * replicates, base, replicates) / headTotal;
            shown[node] = Math.max(baseShare, headShare) >= DISPLAY_SHARE;
        }
        for (int node : culpritPaths) {
            for (int n = node; n != CallTree.ROOT && !shown[n]; n = tree.parent(n)) {
                shown[n] = true;
            }
        }
        shown[CallTree.ROOT] = true;
        return shown;
    }

    private static List<DiffNode> sorted(List<DiffNode> nodes) {
        nodes.sort(Comparator.comparingDouble((DiffNode d) -> -Math.max(d.base(), d.head()))
                .thenComparing(DiffNode::function));
        return nodes;
    }
}
