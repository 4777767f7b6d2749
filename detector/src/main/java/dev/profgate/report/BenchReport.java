package dev.profgate.report;

import dev.profgate.analysis.BenchOutcome;
import dev.profgate.analysis.Finding;
import dev.profgate.rules.RuleHit;
import java.util.List;
import java.util.Map;

/** What the bench reports show: the outcome, what ran, and the catalog rules that explain findings. */
public record BenchReport(BenchOutcome outcome, BenchRunInfo run, Map<Finding, List<RuleHit>> rules) {
    public BenchReport {
        rules = Map.copyOf(rules);
    }

    /** The rules that explain {@code finding}, largest first (empty when none). */
    public List<RuleHit> rules(Finding finding) {
        return rules.getOrDefault(finding, List.of());
    }
}
