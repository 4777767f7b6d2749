package dev.profgate.rules;

import java.util.List;

/**
 * One anti-pattern of the catalog: the expensive {@code frames}, the caller context they must ({@code under}) or
 * must not ({@code notUnder}) be found in, the profile {@code types} it applies to (all when empty), the condition
 * on the comparison, and what to tell the user. {@code minShare} is the part of a finding's change that must run
 * through an expensive frame.
 */
public record Rule(String id, String title, List<Language> languages, NamePattern frames, NamePattern under,
                   NamePattern notUnder, NamePattern types, When when, double minShare, String advice, String link) {
    /** The share of a finding's change that must run through the rule's frames unless a rule says otherwise. */
    public static final double DEFAULT_MIN_SHARE = 0.25;

    public Rule {
        languages = List.copyOf(languages);
    }

    /** The condition on the comparison. */
    public enum When {
        /** A finding grew significantly and enough of its growth runs through the rule's frames. */
        GROWN,
        /** As {@link #GROWN}, and no base sample ran through them (the expensive call is new under the finding). */
        NEW
    }

    /** True when the rule applies to profiles of sample type {@code type}. */
    public boolean appliesTo(String type) {
        return types.isEmpty() || types.matches(type);
    }

    /** True when a frame of {@code language} (null: unknown) may match the rule. */
    public boolean speaks(Language language) {
        return language == null || languages.contains(language);
    }
}
