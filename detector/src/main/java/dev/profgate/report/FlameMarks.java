package dev.profgate.report;

import dev.profgate.analysis.FlameTree;
import dev.profgate.analysis.Finding;
import dev.profgate.rules.RuleHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flame graph frames a rule flags: for each rule hit of a finding, the nodes of the hit's expensive frame that
 * lie on a call path through the finding's function (above or below one of its nodes) and grew from base to head,
 * significantly or by at least {@link #MATERIAL} of the hit's growth. A frame of the same function elsewhere (a
 * regex compiled once at start-up, say) is not flagged.
 */
final class FlameMarks {
    /** The part of a hit's growth a node that is not significant on its own must carry to be flagged. */
    static final double MATERIAL = 0.1;

    private FlameMarks() {
    }

    /** Per node, the hits that flag it (one per rule id), in the order of {@code hits}. */
    static Map<Integer, List<RuleHit>> of(FlameTree tree, Map<Finding, List<RuleHit>> hits) {
        Map<Integer, List<RuleHit>> marks = new HashMap<>();
        for (Map.Entry<Finding, List<RuleHit>> entry : hits.entrySet()) {
            boolean[] related = related(tree, entry.getKey().function());
            for (RuleHit hit : entry.getValue()) {
                for (int node = 1; node < tree.size(); node++) {
                    if (related[node] && tree.name(node).equals(hit.frame()) && grew(tree, node, hit)) {
                        List<RuleHit> own = marks.computeIfAbsent(node, n -> new ArrayList<>());
                        if (own.stream().noneMatch(h -> h.id().equals(hit.id()))) {
                            own.add(hit);
                        }
                    }
                }
            }
        }
        return marks;
    }

    /** Nodes that are, lie under, or lie above a node of {@code function}. */
    private static boolean[] related(FlameTree tree, String function) {
        int size = tree.size();
        boolean[] under = new boolean[size];
        boolean[] above = new boolean[size];
        for (int node = 1; node < size; node++) {
            under[node] = tree.name(node).equals(function) || under[tree.parent(node)];
        }
        for (int node = size - 1; node > 0; node--) {
            if (tree.name(node).equals(function) || above[node]) {
                above[tree.parent(node)] = true;
            }
        }
        boolean[] related = new boolean[size];
        for (int node = 1; node < size; node++) {
            related[node] = under[node] || above[node];
        }
        return related;
    }

    private static boolean grew(FlameTree tree, int node, RuleHit hit) {
        double delta = tree.delta(node);
        return delta > 0 && (tree.significant(node) || delta >= MATERIAL * hit.delta());
    }
}
