package dev.profgate.analysis;

import java.util.List;

/** The result of a bench run: every benchmark compared, the one verdict of the run, and notes on the method. */
public record BenchOutcome(List<BenchmarkResult> benchmarks, Verdict verdict, BenchPolicy policy, List<String> notes) {
    public BenchOutcome {
        benchmarks = List.copyOf(benchmarks);
        notes = List.copyOf(notes);
    }
}
