package dev.profgate.report;

import dev.profgate.analysis.BenchOutcome;
import dev.profgate.analysis.BenchmarkResult;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.ProfileComparison;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.util.List;
import java.util.Map;

/**
 * What the bench reports show: the outcome, what ran, the rule catalog in force and the catalog rules that explain
 * findings.
 */
public record BenchReport(BenchOutcome outcome, BenchRunInfo run, RuleCatalog catalog,
                          Map<Finding, List<RuleHit>> rules) {
    public BenchReport {
        rules = Map.copyOf(rules);
    }

    /** The report data of the profile comparison with the worst verdict (the first of equals), or null when none. */
    public ReportData worst(String gate) {
        ProfileComparison worst = null;
        for (BenchmarkResult result : outcome.benchmarks()) {
            for (ProfileComparison profile : result.profiles()) {
                if (worst == null || profile.comparison().verdict().ordinal() > worst.comparison().verdict().ordinal()) {
                    worst = profile;
                }
            }
        }
        return worst == null ? null : new ReportData(worst.comparison(), gate, catalog, rules);
    }

    /** The rules that explain {@code finding}, largest first (empty when none). */
    public List<RuleHit> rules(Finding finding) {
        return rules.getOrDefault(finding, List.of());
    }
}
