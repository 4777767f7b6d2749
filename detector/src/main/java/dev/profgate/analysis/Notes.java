package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The notes of a comparison that say how it was tested: the method, its fallbacks, and what the run could not see. */
final class Notes {
    /** A change of this many run-to-run standard deviations is told from that variation (two-sided 5%, 80% power). */
    static final double RESOLVED = 2.8;
    private Notes() {
    }

    static List<String> method(Replicates input, CountSignificance test, Policy policy, CulpritSearch.Outcome outcome,
                               double mde) {
        List<String> notes = new ArrayList<>();
        int tested = outcome.functionTests().tested();
        if (input.splitByTime()) {
            notes.add(String.format(Locale.ROOT, "One profile per side: each was split into %d time windows of equal "
                    + "duration, used as replicates (%d base and %d head windows hold samples).",
                    policy.replicatesPerProfile(), test.baseReplicates(), test.headReplicates()));
        }
        input.preemption().ifPresent(notes::add);
        if (!input.leftOut().isEmpty()) {
            notes.add("Left out as outliers, their whole composition far from the other replicates of their side "
                    + "(typically a JIT recompilation or a pause during that replicate): "
                    + String.join("; ", input.leftOut()) + ".");
        }
        if (test.prior() == null) {
            notes.add(String.format(Locale.ROOT, "One profile per side: sample counts were tested with a fixed "
                    + "over-dispersion factor of %.2f; the replicate-level Welch and Mann-Whitney checks need two "
                    + "profiles per side.", test.typicalDispersion()));
        } else {
            notes.add("Primary test: over-dispersed binomial test of each function's sample count, " + prior(test)
                    + "; Welch and Mann-Whitney U on per-replicate shares are reported beside it.");
            outliers(test).ifPresent(notes::add);
        }
        if (test.runVariation() > 0) {
            notes.add(String.format(Locale.ROOT, "%s cannot show how much a function's cost moves from one run of "
                    + "the same program to the next (JIT decisions, where a preemption signal lands, bursts of "
                    + "background work), so a run-to-run variation of %.0f%% was assumed (a negative binomial "
                    + "likelihood-ratio test): a change smaller than about %.0f%% of a function's cost cannot be told "
                    + "from it. With %d or more runs per side each function's own variation is measured and much "
                    + "smaller changes are seen.", input.splitByTime() || test.prior() == null ? "One run per side"
                    : "So few runs per side", test.runVariation() * 100, test.runVariation() * 100 * RESOLVED,
                    ProfileComparator.FEW_RUNS + 1));
        }
        notes.add(String.format(Locale.ROOT, "Benjamini-Hochberg q-values at FDR %s over %d functions; a finding "
                + "also needs the effect-size floors (fail: %s and %s relative, warn: %s and %s relative).",
                ProfileComparator.percent(policy.fdr()), tested, ProfileComparator.percent(policy.fail().absolute()),
                ProfileComparator.percent(policy.fail().relative()), ProfileComparator.percent(policy.warn().absolute()),
                ProfileComparator.percent(policy.warn().relative())));
        notes.add(String.format(Locale.ROOT, "Minimum detectable effect: %s share points, the smallest change of a "
                + "function at %s share that this run detects with %.0f%% power at the per-test level a lone finding "
                + "needs (alpha = %s / %d functions), with dispersion %.2f.", ProfileComparator.percent(mde).replace("%", ""),
                ProfileComparator.percent(ProfileComparator.MDE_REFERENCE_SHARE), ProfileComparator.MDE_POWER * 100,
                ProfileComparator.percent(policy.fdr()), Math.max(1, tested), test.typicalDispersion()));
        return notes;
    }

    private static Optional<String> outliers(CountSignificance test) {
        DispersionPrior prior = test.prior();
        if (prior.outliers() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d function(s) varied between replicates far more than the "
                + "rest (own dispersion above %.2f, %.0f robust standard deviations above the median; typically one "
                + "replicate caught a JIT recompilation or a burst of background work): left out of the prior and "
                + "tested with their own dispersion, t on %d df.", prior.outliers(), prior.outlierAbove(),
                DispersionPrior.OUTLIER_SPREAD, test.residualDf()));
    }

    private static String prior(CountSignificance test) {
        DispersionPrior prior = test.prior();
        if (prior.df() == 0) {
            return "each function with its own dispersion (too few functions with enough samples to fit a prior), "
                    + "t on " + test.residualDf() + " df";
        }
        if (Double.isInfinite(prior.df())) {
            return String.format(Locale.ROOT, "every function with the common dispersion %.2f (the functions did not "
                    + "vary more than sampling noise), normal reference", Math.max(1, prior.dispersion()));
        }
        return String.format(Locale.ROOT, "dispersion shrunk towards a prior of %.2f worth %.1f degrees of freedom "
                + "(empirical Bayes), t on %.1f df", prior.dispersion(), prior.df(), prior.df() + test.residualDf());
    }
}
