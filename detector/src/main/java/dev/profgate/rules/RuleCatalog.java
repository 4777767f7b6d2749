package dev.profgate.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The anti-pattern rules in force and the library patterns that tell application frames from library frames. */
public record RuleCatalog(List<Rule> rules, Library library) {
    /** No rules: what a run that has nothing to match and writes no report folder needs. */
    public static final RuleCatalog NONE = new RuleCatalog(List.of(),
            new Library(NamePattern.none(), NamePattern.none()));

    public RuleCatalog {
        rules = List.copyOf(rules);
    }

    /** The rule with {@code id}, or null. */
    public Rule rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst().orElse(null);
    }

    /** This catalog followed by {@code other}'s rules, with both libraries. */
    public RuleCatalog plus(RuleCatalog other) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new RuleCatalog(all, library.plus(other.library));
    }

    /** This catalog without the rules whose ids are in {@code ids}. */
    public RuleCatalog without(Collection<String> ids) {
        return new RuleCatalog(rules.stream().filter(rule -> !ids.contains(rule.id())).toList(), library);
    }
}
