package dev.profgate.rules;

import dev.profgate.model.Dictionary;
import dev.profgate.model.StackSamples;
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

        /**
         * The exposure of the samples to each rule that they have; {@code functionOfFrame}: their frames' function ids
         * in this scanner's dictionary ({@link dev.profgate.model.FrameTable#functionIds}).
         */
        public List<RuleExposure> scan(StackSamples samples, int[] functionOfFrame) {
            FrameKinds kinds = FrameKinds.of(samples.frames(), functionOfFrame, functions, classifier);
            List<RuleExposure> exposures = new ArrayList<>();
            for (Rule rule : catalog.rules()) {
                RuleFrames frames = rule.appliesTo(samples.type()) ? decided.compute(rule.id(), (id, known) ->
                        known == null ? new RuleFrames(rule, functions, List.of()) : known.grownTo(functions)) : null;
                if (frames != null && frames.anyExpensive && kinds.hasAny(frames.expensive)) {
                    RuleExposure exposure = walk(samples, kinds, frames, functions);
                    if (exposure.samples > 0) {
                        exposures.add(exposure);
                    }
                }
            }
            return exposures;
        }
    }

    /**
     * Each sample's stack from the root down, keeping the rule's caller context (under a {@code notUnder} caller, under
     * an {@code under} caller), the nearest application frame and, once an expensive frame is reached, the calling
     * site it was reached from: the sample counts when its stack reached one.
     */
    private static RuleExposure walk(StackSamples samples, FrameKinds kinds, RuleFrames rule, Dictionary functions) {
        boolean needsUnder = !rule.rule.under().isEmpty();
        boolean[] speaks = new boolean[Language.values().length + 1];
        speaks[0] = rule.rule.speaks(null);
        for (Language language : Language.values()) {
            speaks[ordinal(language)] = rule.rule.speaks(language);
        }
        long total = 0;
        long[] bySite = new long[functions.size() + 1];
        for (int sample = 0; sample < samples.size(); sample++) {
            boolean excluded = false;
            boolean included = false;
            boolean reached = false;
            int application = -1;
            int site = -1;
            for (int i = samples.stackEnd(sample) - 1; i >= samples.stackStart(sample); i--) {
                int frame = samples.frame(i);
                int function = kinds.function()[frame];
                boolean valid = rule.expensive[function] && !excluded && (!needsUnder || included)
                        && speaks[ordinal(kinds.language()[frame])];
                excluded |= rule.notUnder[function];
                included |= rule.under[function];
                application = kinds.library()[frame] ? application : function;
                if (!reached && valid) {
                    reached = true;
                    site = application;
                }
            }
            if (reached && samples.count(sample) > 0) {
                total += samples.count(sample);
                bySite[site + 1] += samples.count(sample);
            }
        }
        Map<String, Long> named = new HashMap<>();
        for (int id = -1; id < functions.size(); id++) {
            if (bySite[id + 1] > 0) {
                named.put(id < 0 ? "" : functions.name(id), bySite[id + 1]);
            }
        }
        return new RuleExposure(rule.rule, total, named);
    }

    /** 0 for an unknown language, else the language's ordinal plus one. */
    private static int ordinal(Language language) {
        return language == null ? 0 : language.ordinal() + 1;
    }
}
