package dev.profgate.quarterly;

import dev.profgate.analysis.WeeklyTrends;
import dev.profgate.model.Dictionary;
import dev.profgate.model.StackSamples;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleExposure;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's quarter as it streams in: the per-function weekly counts ({@link WeeklyTrends}) of this quarter and
 * of the previous one (for the growers) and, per catalog rule, its samples per week this quarter and the application
 * callers they came from; this quarter's counts and the rule scanner share one dictionary of function names. A profile
 * is reduced when added and not kept.
 */
final class ServiceWeeks {
    final WeeklyTrends trends;
    final WeeklyTrends previous;
    final Map<String, long[]> ruleSamples = new LinkedHashMap<>();
    final Map<String, Map<String, Long>> ruleCallers = new HashMap<>();
    final RuleCatalog catalog;
    private final RuleExposure.Scanner rules;
    private final Dictionary functions = new Dictionary();

    ServiceWeeks(int weeks, RuleCatalog catalog) {
        this.trends = new WeeklyTrends(weeks, functions);
        this.previous = new WeeklyTrends(weeks);
        this.catalog = catalog;
        this.rules = new RuleExposure.Scanner(catalog, functions);
    }

    /** Adds one profile's samples of the previous quarter's week {@code week}. */
    void addPrevious(int week, StackSamples samples) {
        previous.add(week, samples);
    }

    /** Adds one profile's samples of week {@code week}. */
    void add(int week, StackSamples samples) {
        int[] functionOfFrame = samples.frames().functionIds(functions);
        trends.add(week, samples, functionOfFrame);
        for (RuleExposure exposure : rules.scan(samples, functionOfFrame)) {
            String id = exposure.rule().id();
            ruleSamples.computeIfAbsent(id, k -> new long[trends.weeks()])[week] += exposure.samples();
            Map<String, Long> callers = ruleCallers.computeIfAbsent(id, k -> new HashMap<>());
            exposure.callers().forEach((caller, count) -> callers.merge(caller, count, Long::sum));
        }
    }
}
