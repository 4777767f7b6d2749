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
 * force (SARIF's rule metadata), the catalog rules that explain each finding ({@link dev.profgate.rules.RuleMatcher})
 * the links to drill down (the profiling UI's views of the base and head windows; none for files), and the files of
 * the repository checked out where the run was made, on whose lines findings are placed ({@link RepoLines#NONE} outside one).
 */
public record ReportData(Comparison comparison, String gate, RuleCatalog catalog, Map<Finding, List<RuleHit>> hits,
                         List<ReportLink> links, RepoLines repo) {
    public ReportData {
        hits = Collections.unmodifiableMap(new LinkedHashMap<>(hits));
        links = List.copyOf(links);
    }

    /** A report without links, placed on no repository. */
    public ReportData(Comparison comparison, String gate, RuleCatalog catalog, Map<Finding, List<RuleHit>> hits) {
        this(comparison, gate, catalog, hits, List.of(), RepoLines.NONE);
    }

    /** This report with {@code links}. */
    public ReportData withLinks(List<ReportLink> links) {
        return new ReportData(comparison, gate, catalog, hits, links, repo);
    }

    /** This report with its findings placed on the lines of {@code repo}. */
    public ReportData withRepo(RepoLines repo) {
        return new ReportData(comparison, gate, catalog, hits, links, repo);
    }

    /** The rule hits of {@code finding}, largest first; empty when no rule explains it. */
    public List<RuleHit> hits(Finding finding) {
        return hits.getOrDefault(finding, List.of());
    }
}
