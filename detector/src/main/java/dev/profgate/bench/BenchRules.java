package dev.profgate.bench;

import dev.profgate.analysis.Finding;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import dev.profgate.rules.RuleMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule hits of every function finding of a bench run: each profile comparison against the forks it compared. */
public final class BenchRules {
    private BenchRules() {
    }

    /** Hits per finding; {@code samples} are the benchmarks of {@code outcome}, in the same order. */
    public static Map<Finding, List<RuleHit>> match(RuleCatalog catalog, BenchOutcome outcome,
                                                    List<BenchmarkSamples> samples) {
        RuleMatcher matcher = new RuleMatcher(catalog);
        Map<Finding, List<RuleHit>> hits = new LinkedHashMap<>();
        for (int i = 0; i < outcome.benchmarks().size(); i++) {
            BenchmarkResult result = outcome.benchmarks().get(i);
            BenchmarkSamples sides = samples.get(i);
            for (ProfileComparison profile : result.profiles()) {
                hits.putAll(matcher.match(profile.comparison(), sides.base().profiles(), sides.head().profiles()));
            }
        }
        return hits;
    }
}
