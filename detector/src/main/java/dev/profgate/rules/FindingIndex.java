package dev.profgate.rules;

import dev.profgate.analysis.Finding;
import dev.profgate.model.Dictionary;
import java.util.List;

/**
 * The findings of a comparison by function id: which functions are culprits (total-share findings, whose stacks the
 * culprit search explains) and which have self-time findings (changes left outside every culprit's stacks). A finding's
 * key is {@code 2 * function + (self ? 1 : 0)}.
 */
final class FindingIndex {
    final boolean[] culprit;
    final boolean[] self;
    private final Dictionary functions;

    FindingIndex(List<Finding> findings, Dictionary functions) {
        this.functions = functions;
        this.culprit = new boolean[functions.size()];
        this.self = new boolean[functions.size()];
        for (Finding finding : findings) {
            int function = functions.find(finding.function());
            if (function >= 0) {
                (finding.metric() == Finding.Metric.SELF_SHARE ? self : culprit)[function] = true;
            }
        }
    }

    /** The key of {@code finding}, or -1 when no profile has its function. */
    int key(Finding finding) {
        int function = functions.find(finding.function());
        return function < 0 ? -1 : key(function, finding.metric() == Finding.Metric.SELF_SHARE);
    }

    static int key(int function, boolean selfMetric) {
        return 2 * function + (selfMetric ? 1 : 0);
    }

    int size() {
        return 2 * culprit.length;
    }
}
