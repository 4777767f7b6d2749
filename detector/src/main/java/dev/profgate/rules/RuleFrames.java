package dev.profgate.rules;

import dev.profgate.analysis.Finding;
import dev.profgate.model.Dictionary;
import java.util.Arrays;
import java.util.List;

/**
 * One rule's patterns decided once per function of a shared dictionary (and, as the dictionary grows, once per added
 * function): expensive frame, {@code under},
 * {@code notUnder}; and which culprits are in the rule's cone: total-share findings whose call path runs through an
 * expensive frame (the culprit walk went through it, so the change of the culprit is the change under that frame).
 */
final class RuleFrames {
    private static final boolean[] NONE = new boolean[0];
    final Rule rule;
    final boolean[] expensive;
    final boolean[] under;
    final boolean[] notUnder;
    final boolean[] cone;
    final boolean anyExpensive;

    RuleFrames(Rule rule, Dictionary functions, List<Finding> findings) {
        this(rule, null, functions, findings);
    }

    /** These decisions with the functions added to {@code functions} since decided too (without culprits). */
    RuleFrames grownTo(Dictionary functions) {
        return functions.size() == expensive.length ? this : new RuleFrames(rule, this, functions, List.of());
    }

    /**
     * Decides the functions that {@code known} (null: none) has not decided yet. The context and culprit arrays are
     * empty while no function is expensive (nothing reads them then), which keeps a rule absent from a profile small.
     */
    private RuleFrames(Rule rule, RuleFrames known, Dictionary functions, List<Finding> findings) {
        this.rule = rule;
        int size = functions.size();
        int from = known == null ? 0 : known.expensive.length;
        expensive = known == null ? new boolean[size] : Arrays.copyOf(known.expensive, size);
        boolean any = known != null && known.anyExpensive;
        for (int id = from; id < size; id++) {
            expensive[id] = rule.frames().matches(functions.name(id));
            any |= expensive[id];
        }
        anyExpensive = any;
        boolean contextKnown = known != null && known.anyExpensive;
        under = !any ? NONE : contextKnown ? Arrays.copyOf(known.under, size) : new boolean[size];
        notUnder = !any ? NONE : contextKnown ? Arrays.copyOf(known.notUnder, size) : new boolean[size];
        cone = !any ? NONE : new boolean[size];
        if (!any) {
            return;
        }
        for (int id = contextKnown ? from : 0; id < size; id++) {
            under[id] = rule.under().matches(functions.name(id));
            notUnder[id] = rule.notUnder().matches(functions.name(id));
        }
        for (Finding finding : findings) {
            int function = functions.find(finding.function());
            if (function >= 0 && finding.metric() == Finding.Metric.TOTAL_SHARE
                    && finding.callPath().stream().anyMatch(rule.frames()::matches)) {
                cone[function] = true;
            }
        }
    }

    /** Whether {@code finding} is a culprit in this rule's cone. */
    boolean inCone(Finding finding, Dictionary functions) {
        int function = functions.find(finding.function());
        return function >= 0 && finding.metric() == Finding.Metric.TOTAL_SHARE && cone[function];
    }
}
