package dev.profgate.report;

import dev.profgate.analysis.FlameTree;
import dev.profgate.base.Names;
import dev.profgate.rules.RuleHit;
import java.util.List;
import java.util.StringJoiner;

/** The tooltip of a flame graph frame as plain lines (the same content as {@code flamegraph.js} shows). */
final class FrameText {
    private FrameText() {
    }

    /**
     * Name; base and head share of this call path (the frame's node, not the whole function) with samples; delta,
     * 95% CI and q-value; the change relative to the code that did not change, and what the test says of it; the rules
     * that flag the frame with their advice. Names and rule texts are made printable.
     */
    static String describe(FlameTree tree, int node, List<RuleHit> rules) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add(Names.printable(tree.name(node)));
        lines.add("This call path: base " + Formats.percent(tree.baseShare(node)) + " ("
                + Formats.samples(tree.baseTotal(node)) + ") → head " + Formats.percent(tree.headShare(node)) + " ("
                + Formats.samples(tree.headTotal(node)) + ")");
        String change = "Δ " + Formats.signedPoints(tree.delta(node)) + " pp";
        if (tree.tested(node)) {
            lines.add(change + "  95% CI " + Formats.interval(tree.ci(node)) + " pp  q = "
                    + Formats.probability(tree.qValue(node)));
            lines.add("Δ cost " + Formats.signedPoints(tree.change(node)) + "% of CPU, relative to the code that did "
                    + "not change");
            lines.add(status(tree, node));
        } else {
            lines.add(change);
            lines.add(node == 0 ? "all samples" : "not tested: too few samples to reach the effect floors");
        }
        if (tree.baseTotal(node) == 0 && tree.headTotal(node) > 0) {
            lines.add("new in head");
        }
        for (RuleHit rule : rules) {
            lines.add(Names.printable("⚠ " + rule.id() + ": " + rule.title()));
            lines.add(Names.printable(rule.advice()));
        }
        return lines.toString();
    }

    private static String status(FlameTree tree, int node) {
        if (!tree.significant(node)) {
            return "no significant change (q above the FDR or change below the effect floors)";
        }
        return tree.change(node) > 0 ? "significant regression" : "significant improvement";
    }
}
