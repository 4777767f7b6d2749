package dev.profgate.analysis;

import java.util.List;

/**
 * The outcome of comparing base and head: the verdict, the findings (culprits first, ranked), the differential
 * call tree, what the run could not see (minimum detectable effect at 80% power, a share fraction like
 * {@link Finding#delta}; see docs/statistics.md), how many
 * functions were tested at which false discovery rate, and notes on the method used (fallbacks are stated here).
 */
public record Comparison(String profileType, SideSummary base, SideSummary head, Verdict verdict,
                         List<Finding> findings, DiffNode tree, double minimumDetectableEffect,
                         int functionsTested, double fdr, List<String> notes) {
    public Comparison {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }
}
