package dev.profgate.rules;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.SourceRef;
import dev.profgate.model.Dictionary;
import dev.profgate.model.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recognises catalog anti-patterns behind the grown findings of a comparison. A rule hits a finding when the finding
 * grew significantly (a regression, a new function, or a shift towards it, with q at most the comparison's FDR), the
 * rule applies to the compared profile type, and the samples that run through the rule's expensive frames and belong
 * to the finding (see {@link Ownership}) grew, head share minus base share, by at least the rule's {@code minShare}
 * of the finding's delta; a {@code new} rule also needs none of those samples in base. The expensive frame may be
 * the culprit, above it on its call path, or below it (the culprit walk may stop at the library frame or at the
 * application frame that calls it): both are found by walking every stack of the profiles. A culprit in the rule's
 * cone (its call path runs through an expensive frame) needs no {@code minShare}: its whole change is under the frame,
 * even when deeper culprits own most of those samples (a recursive frame such as {@code Pattern.compile} below
 * {@code Pattern.<init>}); its delta is the growth it owns, or its own change when deeper culprits own all of it.
 */
public final class RuleMatcher {
    private static final Comparator<RuleHit> ORDER = Comparator.comparingDouble((RuleHit hit) -> -hit.delta())
            .thenComparing(RuleHit::id);

    private final RuleCatalog catalog;

    public RuleMatcher(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The hits of every finding of {@code comparison} that has any, in the comparison's finding order, each list
     * largest {@link RuleHit#delta} first; {@code base} and {@code head} are the profiles that were compared.
     */
    public Map<Finding, List<RuleHit>> match(Comparison comparison, List<Profile> base, List<Profile> head) {
        List<Finding> grown = comparison.findings().stream().filter(f -> grew(f, comparison.fdr())).toList();
        Map<Finding, List<RuleHit>> hits = new HashMap<>();
        if (grown.isEmpty()) {
            return hits;
        }
        String type = comparison.profileType();
        Dictionary functions = new Dictionary();
        FrameFacts.Classifier classifier = new FrameFacts.Classifier(catalog.library());
        List<FrameFacts> baseFacts = facts(base, type, functions, classifier);
        List<FrameFacts> headFacts = facts(head, type, functions, classifier);
        FindingIndex index = new FindingIndex(comparison.findings(), functions);
        for (Rule rule : catalog.rules()) {
            RuleFrames frames = rule.appliesTo(type) ? new RuleFrames(rule, functions, comparison.findings()) : null;
            if (frames != null && frames.anyExpensive) {
                Ownership before = ownership(baseFacts, frames, index, false);
                Ownership after = ownership(headFacts, frames, index, true);
                for (Finding finding : grown) {
                    RuleHit hit = hit(rule, finding, index.key(finding), frames.inCone(finding, functions), before,
                            after);
                    if (hit != null) {
                        hits.computeIfAbsent(finding, f -> new ArrayList<>()).add(hit);
                    }
                }
            }
        }
        Map<Finding, List<RuleHit>> ordered = new LinkedHashMap<>();
        comparison.findings().stream().filter(hits::containsKey)
                .forEach(finding -> ordered.put(finding, hits.get(finding).stream().sorted(ORDER).toList()));
        return ordered;
    }

    /** Grew significantly: a regression, a new function, or a shift towards it, with q within the FDR. */
    static boolean grew(Finding finding, double fdr) {
        boolean up = finding.kind() == FindingKind.REGRESSION || finding.kind() == FindingKind.NEW
                || finding.kind() == FindingKind.SHIFT && finding.delta() > 0;
        return up && finding.qValue() <= fdr;
    }

    private static RuleHit hit(Rule rule, Finding finding, int key, boolean cone, Ownership before,
                               Ownership after) {
        if (key < 0 || after.owned(key) == 0) {
            return null;
        }
        double delta = after.share(key) - before.share(key);
        boolean enough = cone || delta > 0 && delta >= rule.minShare() * finding.delta();
        if (!enough || rule.when() == Rule.When.NEW && before.owned(key) > 0) {
            return null;
        }
        Site site = Objects.requireNonNull(after.topSite(key), "owned head samples have a site");
        return new RuleHit(rule.id(), rule.title(), rule.advice(), rule.link(), site.frame(), site.caller(),
                new SourceRef(site.file(), site.line()), delta > 0 ? delta : finding.delta());
    }

    private static Ownership ownership(List<FrameFacts> side, RuleFrames frames, FindingIndex index, boolean sites) {
        Ownership ownership = new Ownership(index, sites);
        for (FrameFacts facts : side) {
            ownership.add(facts, frames);
        }
        return ownership;
    }

    private static List<FrameFacts> facts(List<Profile> profiles, String type, Dictionary functions,
                                          FrameFacts.Classifier classifier) {
        return profiles.stream().map(p -> FrameFacts.of(p, type, functions, classifier)).filter(Objects::nonNull)
                .toList();
    }
}
