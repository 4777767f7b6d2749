package dev.profgate.analysis;

import dev.profgate.model.Dictionary;
import java.util.ArrayList;
import java.util.List;

/** Per-function budgets: every function matching a budget's glob whose head total share exceeds it fails the gate. */
final class Budgets {
    private Budgets() {
    }

    /** One line per function over budget, naming the function, its head share and the budget. */
    static List<String> violations(Policy policy, Dictionary functions, FunctionCounts counts, int baseReplicates) {
        List<String> violations = new ArrayList<>();
        long[] totals = counts.replicateTotals();
        int replicates = totals.length;
        long headTotal = CountSignificance.sum(totals, 0, baseReplicates, replicates);
        for (Policy.Budget budget : policy.budgets()) {
            FunctionGlob glob = new FunctionGlob(budget.function());
            for (int f = 0; f < functions.size(); f++) {
                double share = (double) CountSignificance.sum(counts.total(), f * replicates, baseReplicates, replicates)
                        / headTotal;
                if (share > budget.maxShare() && glob.matches(functions.name(f))) {
                    violations.add("budget exceeded: " + functions.name(f) + " takes " + ProfileComparator.percent(share)
                            + " of head, budget '" + budget.function() + "' allows " + ProfileComparator.percent(budget.maxShare()));
                }
            }
        }
        return violations;
    }
}
