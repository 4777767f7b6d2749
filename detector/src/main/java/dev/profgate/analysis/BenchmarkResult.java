package dev.profgate.analysis;

import java.util.List;

/**
 * One benchmark of a bench run: the score comparison, the per-function comparison of each profile type that was
 * recorded on both sides, and notes on what was left out.
 */
public record BenchmarkResult(String benchmark, ScoreComparison score, List<ProfileComparison> profiles,
                              List<String> notes) {
    public BenchmarkResult {
        profiles = List.copyOf(profiles);
        notes = List.copyOf(notes);
    }

    /** The worst of the score verdict and the profile verdicts. */
    public Verdict verdict() {
        Verdict verdict = score.verdict();
        for (ProfileComparison profile : profiles) {
            verdict = Verdict.values()[Math.max(verdict.ordinal(), profile.comparison().verdict().ordinal())];
        }
        return verdict;
    }
}
