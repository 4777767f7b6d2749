package dev.profgate.analysis;

import java.util.List;

/** The policy applied to tested changes: which functions count, which changes are worth listing, how severe each is. */
final class Gate {
    private final Policy policy;
    private final List<FunctionGlob> ignored;

    Gate(Policy policy) {
        this.policy = policy;
        this.ignored = policy.ignore().stream().map(FunctionGlob::new).toList();
    }

    double fdr() {
        return policy.fdr();
    }

    /** Whether a policy glob ignores {@code function}; asked of every function, so no stream per call. */
    boolean ignores(String function) {
        for (FunctionGlob glob : ignored) {
            if (glob.matches(function)) {
                return true;
            }
        }
        return false;
    }

    /** The smallest absolute change that can ever be listed: changes below it need not be tested at all. */
    double smallestListedChange() {
        return Math.min(policy.fail().absolute(), policy.warn().absolute());
    }

    /** Statistically significant (q at most the FDR) and above the warn or the fail floors, relative to the unchanged code. */
    boolean lists(CountSignificance.Result result, double qValue) {
        double head = result.base() + result.change();
        return qValue <= policy.fdr() && (policy.fail().reachedBy(result.base(), head)
                || policy.warn().reachedBy(result.base(), head));
    }

    /** Regressions and new functions fail above the fail floors and warn otherwise; every other kind passes. */
    Verdict severity(FindingKind kind, CountSignificance.Result result) {
        if (kind != FindingKind.REGRESSION && kind != FindingKind.NEW) {
            return Verdict.PASS;
        }
        return policy.fail().reachedBy(result.base(), result.base() + result.change()) ? Verdict.FAIL : Verdict.WARN;
    }
}
