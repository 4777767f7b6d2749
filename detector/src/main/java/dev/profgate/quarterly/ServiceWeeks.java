package dev.profgate.quarterly;

import dev.profgate.analysis.WeeklyTrends;
import dev.profgate.model.Dictionary;
import dev.profgate.model.Profile;
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
    private final String type;

    ServiceWeeks(int weeks, RuleCatalog catalog, String type) {
        Dictionary functions = new Dictionary();
        this.trends = new WeeklyTrends(weeks, functions);
        this.previous = new WeeklyTrends(weeks);
        this.catalog = catalog;
        this.rules = new RuleExposure.Scanner(catalog, functions);
        this.type = type;
    }

    /** Adds one profile of the previous quarter's week {@code week}. */
    void addPrevious(int week, Profile profile) {
        previous.add(week, profile, profile.header().resolveType(type, profile.source()));
    }

    /** Adds one profile of week {@code week}; {@code type} null means the profile's default sample type. */
    void add(int week, Profile profile) {
        int column = profile.header().resolveType(type, profile.source());
        trends.add(week, profile, column);
        String typeName = profile.header().sampleTypes().get(column).type();
        for (RuleExposure exposure : rules.scan(profile, typeName)) {
            String id = exposure.rule().id();
            ruleSamples.computeIfAbsent(id, k -> new long[trends.weeks()])[week] += exposure.samples();
            Map<String, Long> callers = ruleCallers.computeIfAbsent(id, k -> new HashMap<>());
            exposure.callers().forEach((caller, count) -> callers.merge(caller, count, Long::sum));
        }
    }
}
