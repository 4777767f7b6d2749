package dev.profgate.analysis;

import dev.profgate.model.EnvironmentMismatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of comparing base and head: the verdict, the findings (culprits first, ranked), the differential
 * call tree, what the run could not see (minimum detectable effect at 80% power, a share fraction like
 * {@link Finding#delta}; see docs/statistics.md), how many functions were tested at which false discovery rate,
 * notes on the method used (fallbacks are stated here), the whole differential tree with a test per node for flame
 * graphs ({@code tree} is pruned for display), and how the two sides' recording environments differ (a stored
 * baseline from another JVM or machine).
 */
public record Comparison(String profileType, SideSummary base, SideSummary head, Verdict verdict,
                         List<Finding> findings, DiffNode tree, double minimumDetectableEffect,
                         int functionsTested, double fdr, List<String> notes, FlameTree flame,
                         List<EnvironmentMismatch> environmentMismatches) {
    public Comparison {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        environmentMismatches = List.copyOf(environmentMismatches);
    }

    /** A comparison built by hand: no whole tree (its flame graph shows the root alone), one environment. */
    public Comparison(String profileType, SideSummary base, SideSummary head, Verdict verdict, List<Finding> findings,
                      DiffNode tree, double minimumDetectableEffect, int functionsTested, double fdr,
                      List<String> notes) {
        this(profileType, base, head, verdict, findings, tree, minimumDetectableEffect, functionsTested, fdr, notes,
                FlameTree.empty(), List.of());
    }

    /** This comparison with {@code more} notes after its own (where the profiles came from, what was left out). */
    public Comparison withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Comparison(profileType, base, head, verdict, findings, tree, minimumDetectableEffect,
                functionsTested, fdr, all, flame, environmentMismatches);
    }

    /**
     * This comparison with the environment differences of its two sides. Any difference raises the verdict to at
     * least {@link Verdict#WARN}: the profiles were not measured alike, so a change may come from the environment.
     */
    public Comparison withEnvironmentMismatches(List<EnvironmentMismatch> mismatches) {
        Verdict raised = !mismatches.isEmpty() && verdict == Verdict.PASS ? Verdict.WARN : verdict;
        return new Comparison(profileType, base, head, raised, findings, tree, minimumDetectableEffect,
                functionsTested, fdr, notes, flame, mismatches);
    }
}
