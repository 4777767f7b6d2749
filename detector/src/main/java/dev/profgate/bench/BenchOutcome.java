package dev.profgate.bench;

import dev.profgate.analysis.Verdict;
import dev.profgate.model.EnvironmentMismatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a bench run: every benchmark compared, the one verdict of the run, the score policy, notes on the
 * method, and how the two sides' environments differ (JVM, machine, JMH options).
 */
public record BenchOutcome(List<BenchmarkResult> benchmarks, Verdict verdict, BenchPolicy policy, List<String> notes,
                           List<EnvironmentMismatch> environmentMismatches) {
    public BenchOutcome {
        benchmarks = List.copyOf(benchmarks);
        notes = List.copyOf(notes);
        environmentMismatches = List.copyOf(environmentMismatches);
    }

    /**
     * This outcome with {@code extraNotes} added and the environment differences of its two sides; any difference
     * raises the verdict to at least {@link Verdict#WARN} (the sides were not measured alike).
     */
    public BenchOutcome with(List<String> extraNotes, List<EnvironmentMismatch> mismatches) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(extraNotes);
        Verdict raised = !mismatches.isEmpty() && verdict == Verdict.PASS ? Verdict.WARN : verdict;
        return new BenchOutcome(benchmarks, raised, policy, all, mismatches);
    }
}
