package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.report.RepoLines;
import dev.profgate.report.ReportData;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.util.List;
import java.util.Map;

/**
 * What the bench reports show: the outcome, what ran, the rule catalog in force, the catalog rules that explain
 * findings, and the repository lines findings are placed on.
 */
public record BenchReport(BenchOutcome outcome, BenchRunInfo run, RuleCatalog catalog,
                          Map<Finding, List<RuleHit>> rules, RepoLines repo) {
    public BenchReport {
        rules = Map.copyOf(rules);
    }

    /** A report placed on no repository. */
    public BenchReport(BenchOutcome outcome, BenchRunInfo run, RuleCatalog catalog, Map<Finding, List<RuleHit>> rules) {
        this(outcome, run, catalog, rules, RepoLines.NONE);
    }

    /** The report data of the profile comparison with the worst verdict (the first of equals), or null when none. */
    public ReportData worst(String gate) {
        ReportData worst = null;
        for (ReportData data : comparisons(gate)) {
            if (worst == null || data.comparison().verdict().ordinal() > worst.comparison().verdict().ordinal()) {
                worst = data;
            }
        }
        return worst;
    }

    /** The report data of every profile comparison, benchmark by benchmark, under gate {@code gate}. */
    public List<ReportData> comparisons(String gate) {
        return outcome.benchmarks().stream().flatMap(b -> b.profiles().stream())
                .map(profile -> new ReportData(profile.comparison(), gate, catalog, rules).withRepo(repo)).toList();
    }

    /** The rules that explain {@code finding}, largest first (empty when none). */
    public List<RuleHit> rules(Finding finding) {
        return rules.getOrDefault(finding, List.of());
    }
}
