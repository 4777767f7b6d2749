package dev.profgate.rules;

import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of one profile runs through a catalog rule's expensive frames (frames valid as the matcher counts them:
 * the rule's language, under its {@code under} callers and none of its {@code notUnder} callers), and from which
 * application frames (the nearest caller above the expensive frame that is not library code) those samples come.
 * Used where there is no comparison to explain, such as the weeks of a quarterly report.
 */
public record RuleExposure(Rule rule, long samples, Map<String, Long> callers) {
    public RuleExposure {
        callers = Map.copyOf(callers);
    }

    /**
     * Scans the profiles of one service in turn: function names are interned in one dictionary and each name's library
     * membership and rule patterns are decided once for all the profiles, not once per profile.
     */
    public static final class Scanner {
        private final RuleCatalog catalog;
        private final Dictionary functions;
        private final FrameFacts.Classifier classifier;
        private final Map<String, RuleFrames> decided = new HashMap<>();

        /** A scanner interning function names into {@code functions}, which it may share with its caller. */
        public Scanner(RuleCatalog catalog, Dictionary functions) {
            this.catalog = catalog;
            this.functions = functions;
            this.classifier = new FrameFacts.Classifier(catalog.library());
        }

        /** The exposure of {@code profile}'s samples of sample type {@code type} to each rule that it has. */
        public List<RuleExposure> scan(Profile profile, String type) {
            FrameFacts facts = FrameFacts.of(profile, type, functions, classifier);
            List<RuleExposure> exposures = new ArrayList<>();
            if (facts == null) {
                return exposures;
            }
            for (Rule rule : catalog.rules()) {
                RuleFrames frames = rule.appliesTo(type) ? decided.compute(rule.id(), (id, known) -> known == null
                        ? new RuleFrames(rule, functions, List.of()) : known.grownTo(functions)) : null;
                if (frames != null && frames.anyExpensive && facts.hasAny(frames.expensive)) {
                    RuleExposure exposure = walk(facts, frames, functions);
                    if (exposure.samples > 0) {
                        exposures.add(exposure);
                    }
                }
            }
            return exposures;
        }
    }

    /** One preorder walk (iterative, any depth) keeping per depth the rule's caller context and the calling site. */
    private static RuleExposure walk(FrameFacts facts, RuleFrames rule, Dictionary functions) {
        CallTree tree = facts.profile.tree();
        int size = tree.size() + 1;
        boolean[] excluded = new boolean[size];
        boolean[] included = new boolean[size];
        int[] application = new int[size];
        int[] site = new int[size];
        boolean[] reached = new boolean[size];
        application[0] = -1;
        site[0] = -1;
        boolean needsUnder = !rule.rule.under().isEmpty();
        long samples = 0;
        Map<Integer, Long> callers = new HashMap<>();
        for (int node : facts.preorder) {
            if (node == CallTree.ROOT) {
                continue;
            }
            int d = facts.depth[node];
            int frame = tree.frame(node);
            int function = facts.function[frame];
            boolean valid = rule.expensive[function] && rule.rule.speaks(facts.language[frame]) && !excluded[d - 1]
                    && (!needsUnder || included[d - 1]);
            excluded[d] = excluded[d - 1] || rule.notUnder[function];
            included[d] = included[d - 1] || rule.under[function];
            application[d] = facts.library[frame] ? application[d - 1] : function;
            reached[d] = reached[d - 1] || valid;
            site[d] = reached[d - 1] ? site[d - 1] : valid ? application[d] : -1;
            if (reached[d] && facts.counts[node] > 0) {
                samples += facts.counts[node];
                callers.merge(site[d], facts.counts[node], Long::sum);
            }
        }
        Map<String, Long> named = new HashMap<>();
        callers.forEach((id, count) -> named.merge(id < 0 ? "" : functions.name(id), count, Long::sum));
        return new RuleExposure(rule.rule, samples, named);
    }
}
