package dev.profgate.bench;

import dev.profgate.analysis.Verdict;
import java.util.List;

/**
 * One benchmark of a bench run: the comparison of JMH's score, that of the CPU time per operation (null when a side
 * did not measure it), the per-function comparison of each profile type that was recorded on both sides, and notes
 * on what was left out.
 */
public record BenchmarkResult(String benchmark, ScoreComparison score, ScoreComparison cpu,
                              List<ProfileComparison> profiles, List<String> notes) {
    public BenchmarkResult {
        profiles = List.copyOf(profiles);
        notes = List.copyOf(notes);
    }

    /** The score comparison, then the CPU time comparison when there is one. */
    public List<ScoreComparison> scores() {
        return cpu == null ? List.of(score) : List.of(score, cpu);
    }

    /** The worst verdict of the score comparisons. */
    public Verdict scoreVerdict() {
        Verdict verdict = Verdict.PASS;
        for (ScoreComparison s : scores()) {
            verdict = verdict.worse(s.verdict());
        }
        return verdict;
    }

    /** The worst of the score verdicts and the profile verdicts. */
    public Verdict verdict() {
        Verdict verdict = scoreVerdict();
        for (ProfileComparison profile : profiles) {
            verdict = verdict.worse(profile.comparison().verdict());
        }
        return verdict;
    }
}
