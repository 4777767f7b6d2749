package dev.profgate.analysis;

import dev.profgate.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares base and head profiles (each a list of replicates) and returns the tested, ranked differences and the
 * verdict. The method (docs/statistics.md): per function and replicate, self and total sample counts and the
 * replicate's total N_r; an over-dispersed binomial test per function with empirical-Bayes shrunk dispersion
 * ({@link CountSignificance}, {@link DispersionPrior}); Benjamini-Hochberg q-values; effect-size floors from the
 * {@link Policy}; culprits found by walking down the differential call tree ({@link CulpritSearch}); cost shifts
 * ({@link ShiftDetector}); the minimum detectable effect of the run; Welch and Mann-Whitney U as cross-checks.
 */
public final class ProfileComparator {
    /** The share at which the minimum detectable effect is stated. */
    static final double MDE_REFERENCE_SHARE = 0.01;
    /** The power at which the minimum detectable effect is stated. */
    static final double MDE_POWER = 0.8;
    /** At most this many runs per side, the run-to-run variation is added to the replicates' dispersion. */
    static final int FEW_RUNS = 3;

    private ProfileComparator() {
    }

    /**
     * Compares {@code base} with {@code head} on sample type {@code type} (null: the policy's type, else the first
     * base profile's default type). Throws {@link dev.profgate.base.BadInputException} when a profile lacks the type,
     * the units differ between profiles, or a profile has no samples of it.
     */
    public static Comparison compare(List<Profile> base, List<Profile> head, String type, Policy policy) {
        return compare(base, head, type, policy, null);
    }

    /**
     * Like {@link #compare(List, List, String, Policy)}, with a scale measured outside the profiles ({@code null}:
     * none) that the scale estimated from the unchanged code is checked against, and used when that estimate cannot
     * be made.
     */
    public static Comparison compare(List<Profile> base, List<Profile> head, String type, Policy policy,
                                     MeasuredScale measured) {
        Merged merged = Merged.screened(Replicates.prepare(base, head, type, policy));
        Replicates input = merged.input();
        ReplicateTree tree = merged.tree();
        long[] inclusive = merged.inclusive();
        FunctionCounts counts = merged.counts();
        int m = input.baseReplicates();
        int n = input.profiles().size() - m;
        CountSignificance test = input.fallback()
                ? CountSignificance.withFixedDispersion(m, n, policy.overdispersion(), policy.runVariation())
                : CountSignificance.withPrior(m, n, CountSignificance.fitPrior(counts.total(), counts.functionCount(),
                        counts.replicateTotals(), m, n), runVariation(input, policy, Math.min(m, n)));
        Gate gate = new Gate(policy);
        CulpritSearch search = new CulpritSearch(tree, test, gate);
        UnchangedCode.Choice scale = UnchangedCode.choose(counts.self(), counts.functionCount(), tree.self(),
                tree.size(), counts.replicateTotals(), m, test, policy.fdr(), measured);
        Totals totals = scale.totals();
        CulpritSearch.Outcome outcome = search.run(inclusive, counts, totals);
        FindingAssembler assembler = new FindingAssembler(tree, test, gate, new SourceLocator(input, tree.functions()));
        List<Finding> findings = assembler.findings(outcome, search.ignored(), inclusive);
        List<String> budgetViolations = Budgets.violations(policy, tree.functions(), counts, m);
        Verdict verdict = verdict(findings, budgetViolations);
        double mde = minimumDetectableEffect(test, totals, outcome.functionTests().tested(), policy.fdr());
        List<String> notes = new ArrayList<>(Notes.method(input, test, policy, outcome, mde));
        notes.addAll(scale.notes());
        notes.addAll(assembler.notes());
        notes.addAll(budgetViolations);
        DiffNode diffTree = DiffTreeBuilder.build(tree, test, outcome.nodeTests(), inclusive, totals,
                assembler.culpritNodes(outcome), assembler.culpritPaths(outcome), policy.fdr());
        FlameTree flame = FlameTree.build(tree, gate, outcome.nodeTests(), inclusive, totals.scale());
        return new Comparison(input.type(), side(base, counts.replicateTotals(), 0, m, m),
                side(head, counts.replicateTotals(), m, m + n, n), verdict, findings, diffTree, mde,
                outcome.functionTests().tested(), policy.fdr(), notes, flame, List.of());
    }

    /** The replicates merged into one tree, with inclusive values per node and counts per function. */
    private record Merged(Replicates input, ReplicateTree tree, long[] inclusive, FunctionCounts counts) {
        static Merged of(Replicates input) {
            ReplicateTree tree = ReplicateTree.of(input.profiles(), input.counts(), input.baseReplicates());
            long[] inclusive = tree.inclusive(null);
            return new Merged(input, tree, inclusive, FunctionCounts.of(tree, inclusive, null));
        }

        /** Merged once more without the outlier replicates when {@link ReplicateScreen} finds any. */
        static Merged screened(Replicates input) {
            Merged merged = of(input);
            if (input.fallback()) {
                return merged;
            }
            ReplicateScreen.Result screen = ReplicateScreen.screen(merged.counts(), input.baseReplicates());
            return screen.any() ? of(input.without(screen)) : merged;
        }
    }

    /**
     * The run-to-run variation the replicates cannot show: all of it when they are time windows of one run per side;
     * that of the mean of {@code runs} runs when there are at most {@link #FEW_RUNS} per side, too few for a function's
     * own dispersion to show a JIT decision or a burst that one run in a few catches; none otherwise.
     */
    private static double runVariation(Replicates input, Policy policy, int runs) {
        if (input.splitByTime()) {
            return policy.runVariation();
        }
        return runs <= FEW_RUNS ? policy.runVariation() / Math.sqrt(runs) : 0;
    }

    /**
     * The smallest change of a function at {@link #MDE_REFERENCE_SHARE} that the run detects with
     * {@link #MDE_POWER} power at the per-test level a lone finding needs under Benjamini-Hochberg
     * ({@code alpha = fdr / functions tested}), with the typical (prior) dispersion and, for one profile per side, the
     * assumed run-to-run variation.
     */
    static double minimumDetectableEffect(CountSignificance test, Totals totals, int tested, double fdr) {
        double baseTotal = totals.base();
        double headTotal = totals.head();
        double alpha = fdr / Math.max(1, tested);
        double quantiles = test.reference().inverseCumulativeProbability(1 - alpha / 2)
                + test.reference().inverseCumulativeProbability(MDE_POWER);
        double p = MDE_REFERENCE_SHARE;
        double runs = 2 * Math.pow(test.runVariation() * p, 2);
        return quantiles * Math.sqrt(test.typicalDispersion() * p * (1 - p) * (1 / baseTotal + 1 / headTotal) + runs);
    }

    private static Verdict verdict(List<Finding> findings, List<String> budgetViolations) {
        Verdict verdict = budgetViolations.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        for (Finding finding : findings) {
            if (finding.severity().ordinal() > verdict.ordinal()) {
                verdict = finding.severity();
            }
        }
        return verdict;
    }

    private static SideSummary side(List<Profile> profiles, long[] totals, int from, int to, int replicates) {
        return new SideSummary(replicates, CountSignificance.sum(totals, 0, from, to),
                profiles.stream().map(Profile::source).toList());
    }

    /** A share as a percentage with one decimal, for notes. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
