package dev.profgate.rules;

import dev.profgate.analysis.Finding;
import dev.profgate.model.Dictionary;
import java.util.List;

/**
 * One rule's patterns decided once per function of a shared dictionary: expensive frame, {@code under},
 * {@code notUnder}; and which culprits are in the rule's cone: total-share findings whose call path runs through an
 * expensive frame (the culprit walk went through it, so the change of the culprit is the change under that frame).
 */
final class RuleFrames {
    final Rule rule;
    final boolean[] expensive;
    final boolean[] under;
    final boolean[] notUnder;
    final boolean[] cone;
    final boolean anyExpensive;

    RuleFrames(Rule rule, Dictionary functions, List<Finding> findings) {
        this.rule = rule;
        int size = functions.size();
        expensive = new boolean[size];
        under = new boolean[size];
        notUnder = new boolean[size];
        cone = new boolean[size];
        boolean any = false;
        for (int id = 0; id < size; id++) {
            expensive[id] = rule.frames().matches(functions.name(id));
            any |= expensive[id];
        }
        anyExpensive = any;
        if (!any) {
            return;
        }
        for (int id = 0; id < size; id++) {
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
