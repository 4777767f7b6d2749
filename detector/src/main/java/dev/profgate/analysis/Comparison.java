package dev.profgate.analysis;

import java.util.List;

/**
 * The outcome of comparing base and head: the verdict, the findings (culprits first, ranked), the differential
 * call tree, what the run could not see (minimum detectable effect, in share points at 80% power), how many
 * functions were tested at which false discovery rate, notes on the method used (fallbacks are stated here), and
 * the whole differential tree with a test per node for flame graphs ({@code tree} is pruned for display).
 */
public record Comparison(String profileType, SideSummary base, SideSummary head, Verdict verdict,
                         List<Finding> findings, DiffNode tree, double minimumDetectableEffect,
                         int functionsTested, double fdr, List<String> notes, FlameTree flame) {
    public Comparison {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** A comparison without the whole tree (its flame graph shows the root alone): for comparisons built by hand. */
    public Comparison(String profileType, SideSummary base, SideSummary head, Verdict verdict, List<Finding> findings,
                      DiffNode tree, double minimumDetectableEffect, int functionsTested, double fdr,
                      List<String> notes) {
        this(profileType, base, head, verdict, findings, tree, minimumDetectableEffect, functionsTested, fdr, notes,
                FlameTree.empty());
    }
}
