package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reports show: the comparison, the gate name (the PR comment marker, the JUnit suite), the rule catalog in
 * force (SARIF's rule metadata) and the catalog rules that explain each finding
 * ({@link dev.profgate.rules.RuleMatcher}).
 */
public record ReportData(Comparison comparison, String gate, RuleCatalog catalog, Map<Finding, List<RuleHit>> hits) {
    public ReportData {
        hits = Collections.unmodifiableMap(new LinkedHashMap<>(hits));
    }

    /** The rule hits of {@code finding}, largest first; empty when no rule explains it. */
    public List<RuleHit> hits(Finding finding) {
        return hits.getOrDefault(finding, List.of());
    }
}
