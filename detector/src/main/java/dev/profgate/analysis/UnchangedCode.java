package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scale a comparison tests against ({@link Totals}): the code that did not change, estimated by
 * {@link Normalization}, as long as its assumption holds (at least {@link #UNCHANGED_MAJORITY} of the samples of
 * one side are in functions that did not change significantly); else the measured scale when there is one, else
 * shares as measured. The notes say which, and compare the estimate with a measured scale.
 */
final class UnchangedCode {
    /**
     * Estimation rounds: TMM over all functions, then again over those whose change was not significant against the
     * previous estimate (the DEGES strategy of Kadota et al. 2012), so that many functions changed together (the
     * allocator and collector under a regex compiled per call) do not pull the scale their way.
     */
    static final int ROUNDS = 3;
    /**
     * The p-value (per function, not adjusted) at which a round leaves a function out of the next estimate: a
     * changed function left in pulls the scale its way, one left out costs the estimate little, so the rounds
     * exclude more readily than the tests list. (With the FDR instead, the allocator's and collector's many
     * functions under a regex compiled per call stayed in, and its revert listed unchanged code, 6 runs a side.)
     */
    static final double EXCLUDED_P = 0.05;
    /**
     * The fewest functions the trimmed mean must average for the estimate to be used: with fewer, the function that
     * changed can set the scale itself (a lock profile of three functions, one newly contended).
     */
    static final int MIN_FUNCTIONS = 4;
    /** The fraction of one side's self samples that must sit in unchanged functions for the estimate to be used. */
    static final double UNCHANGED_MAJORITY = 0.5;
    /**
     * The call paths check the functions' scale only when its log is further than this from 0 (a scale outside about
     * 0.90 to 1.11): only a change of a tenth of the profile or more moves the functions that the changed and the
     * unchanged code share, and the check costs a test of every call path.
     */
    static final double PATH_CHECK_BEYOND = 0.1;
    /** A measured scale and the estimate agree when their logs differ by at most this many standard errors. */
    static final double AGREEMENT = 1.96;

    private UnchangedCode() {
    }

    /** Self counts per feature and replicate, {@code table[feature * R + r]}. */
    private record SelfCounts(long[] table, int features) {
    }

    /** The chosen totals and the notes that say how they were chosen. */
    record Choice(Totals totals, List<String> notes) {
    }

    /**
     * Chooses the scale from the functions' self counts {@code self[feature * R + r]}, which partition each
     * replicate's samples, and checks it against the call paths' ({@code paths}: the call tree's nodes, which partition
     * them too; null: none) when it is far enough from 1 ({@link #PATH_CHECK_BEYOND}). Where the two estimates
     * disagree beyond their uncertainty, functions that both the changed and the unchanged code call (the allocator,
     * the collector under a template parsed per call) changed in part, and the call paths, which keep them apart, set
     * the scale. (Alone, the call paths' smaller counts make the scale more uncertain and cost power: measured on the
     * recorded pools.)
     */
    static Choice choose(long[] self, int features, long[] paths, int nodes, long[] replicates, int baseReplicates,
                         CountSignificance test, double fdr, MeasuredScale measured) {
        SelfCounts counts = new SelfCounts(self, features);
        Normalization.Estimate estimate = rounds(counts, replicates, baseReplicates, test);
        List<String> notes = new ArrayList<>();
        String over = "functions'";
        if (paths != null && Math.abs(Math.log(estimate.scale())) > PATH_CHECK_BEYOND) {
            Normalization.Estimate byPath = rounds(new SelfCounts(paths, nodes), replicates, baseReplicates, test);
            if (byPath.functions() >= MIN_FUNCTIONS && !agree(estimate.scale(), estimate.logVariance(), byPath.scale(),
                    byPath.logVariance())) {
                notes.add(String.format(Locale.ROOT, "The scale over call paths (%.3f) and over functions (%.3f) "
                        + "disagree beyond their uncertainty: functions that the changed and the unchanged code both "
                        + "call (an allocator, a collector) changed in part, so the call paths, which keep them apart, "
                        + "set the scale.", byPath.scale(), estimate.scale()));
                estimate = byPath;
                over = "call paths'";
            }
        }
        Totals normalised = new Totals(replicates, baseReplicates, estimate.scale(), estimate.logVariance());
        if (measured != null) {
            normalised = crossChecked(normalised, estimate, measured, notes);
        }
        double[] unchanged = unchangedFractions(counts, normalised.scaled(normalised.scale(), 0), test, fdr);
        boolean enough = estimate.functions() >= MIN_FUNCTIONS;
        if (enough && Math.max(unchanged[0], unchanged[1]) >= UNCHANGED_MAJORITY) {
            notes.add(0, estimated(estimate, unchanged, over));
            return new Choice(normalised, notes);
        }
        notes.clear();
        String failed = enough ? String.format(Locale.ROOT, "Most of the profile changed: only %s of base's and %s of "
                + "head's samples are in functions that did not change significantly, so the code that did not change "
                + "cannot be told from the rest", ProfileComparator.percent(unchanged[0]), ProfileComparator.percent(unchanged[1]))
                : String.format(Locale.ROOT, "Too few functions have samples on both sides (%d left after trimming, "
                + "fewer than %d) to tell the code that did not change from the rest", estimate.functions(),
                MIN_FUNCTIONS);
        if (measured != null) {
            notes.add(failed + String.format(Locale.ROOT, "; functions were tested against the measured %s instead "
                    + "(head's shares x %.3f).", measured.what(), measured.scale()));
            return new Choice(normalised.scaled(measured.scale(), measured.logVariance()), notes);
        }
        notes.add(failed + "; shares were tested as fractions of each side's total, so a decrease listed beside a "
                + "large increase may be only that increase's dilution.");
        return new Choice(Totals.raw(replicates, baseReplicates), notes);
    }

    /** Chooses the scale from the functions' self counts alone (see the method above). */
    static Choice choose(long[] self, int features, long[] replicates, int baseReplicates, CountSignificance test,
                         double fdr, MeasuredScale measured) {
        return choose(self, features, null, 0, replicates, baseReplicates, test, fdr, measured);
    }

    /** TMM over all features, then {@link #ROUNDS} - 1 times over those not changed against the previous estimate. */
    private static Normalization.Estimate rounds(SelfCounts counts, long[] replicates, int baseReplicates,
                                                 CountSignificance test) {
        Normalization.Estimate estimate = Normalization.tmm(counts.table(), counts.features(), replicates,
                baseReplicates);
        for (int round = 1; round < ROUNDS; round++) {
            Totals exact = new Totals(replicates, baseReplicates, estimate.scale(), 0);
            boolean[] changed = changed(counts, exact, test, EXCLUDED_P, false);
            estimate = Normalization.tmm(counts.table(), counts.features(), replicates, baseReplicates, changed);
        }
        return estimate;
    }

    /** True when two scales' logs differ by at most {@link #AGREEMENT} standard errors of their difference. */
    private static boolean agree(double scale, double logVariance, double otherScale, double otherLogVariance) {
        return Math.abs(Math.log(scale / otherScale)) <= AGREEMENT * Math.sqrt(logVariance + otherLogVariance);
    }

    /**
     * The functions whose self change is significant against {@code totals} (taken as exact): q-value at most
     * {@code level} when {@code adjusted}, else p-value at most {@code level}.
     */
    private static boolean[] changed(SelfCounts counts, Totals totals, CountSignificance test, double level,
                                     boolean adjusted) {
        FeatureSignificance tests = FeatureSignificance.run(counts.table(), totals, new boolean[counts.features()],
                test, 0);
        boolean[] changed = new boolean[counts.features()];
        for (int f = 0; f < changed.length; f++) {
            CountSignificance.Result result = tests.result(f);
            changed[f] = result != null && (adjusted ? tests.qValue(f) : result.pValue()) <= level;
        }
        return changed;
    }

    /**
     * The fractions of base's and of head's self samples in functions whose self change is not significant against
     * {@code totals} (taken as exact, so that an estimate too vague to reject anything does not pass for a good one).
     */
    private static double[] unchangedFractions(SelfCounts counts, Totals totals, CountSignificance test, double fdr) {
        boolean[] changed = changed(counts, totals, test, fdr, true);
        int replicates = totals.size();
        int base = totals.baseReplicates();
        double[] unchanged = new double[2];
        for (int f = 0; f < counts.features(); f++) {
            if (!changed[f]) {
                unchanged[0] += CountSignificance.sum(counts.table(), f * replicates, 0, base);
                unchanged[1] += CountSignificance.sum(counts.table(), f * replicates, base, replicates);
            }
        }
        unchanged[0] /= totals.base();
        unchanged[1] /= totals.head();
        return unchanged;
    }

    private static String estimated(Normalization.Estimate estimate, double[] unchanged, String over) {
        double spread = Math.exp(1.96 * Math.sqrt(estimate.logVariance()));
        return String.format(Locale.ROOT, "Changes are stated relative to the code that did not change (TMM over %d "
                + "%s self samples, as edgeR normalises RNA-seq libraries): in head it holds %.3f times its "
                + "share of base (95%%: %.3f to %.3f), so \"+1%% of CPU\" is a cost of 1%% of base's total added on "
                + "that scale, and the floors apply to it. It assumes most functions did not change: %s of base's "
                + "and %s of head's samples are in functions that did not change significantly.",
                estimate.functions(), over, estimate.scale(), estimate.scale() / spread, estimate.scale() * spread,
                ProfileComparator.percent(unchanged[0]), ProfileComparator.percent(unchanged[1]));
    }

    /**
     * The estimate combined with the measured scale (inverse-variance weights on the log scale) when the two agree
     * within their uncertainty, else the estimate alone; a note says which.
     */
    private static Totals crossChecked(Totals totals, Normalization.Estimate estimate, MeasuredScale measured,
                                       List<String> notes) {
        boolean agree = agree(estimate.scale(), estimate.logVariance(), measured.scale(), measured.logVariance());
        String check = String.format(Locale.ROOT, "Cross-check: the measured %s gives a scale of %.3f, %s the "
                + "estimate (%.3f)", measured.what(), measured.scale(), agree ? "in line with" : "not in line with",
                estimate.scale());
        if (!agree) {
            notes.add(check + ". Either the unchanged code itself got slower or faster (e.g. a JVM flag, a "
                    + "dependency, the machine), or the measurement is noisy: the estimate is used, which assumes "
                    + "the former did not happen.");
            return totals;
        }
        double weightEstimate = estimate.functions() == 0 ? 0 : 1 / estimate.logVariance();
        double weightMeasured = 1 / measured.logVariance();
        double weights = weightEstimate + weightMeasured;
        double log = (weightEstimate * Math.log(estimate.scale()) + weightMeasured * Math.log(measured.scale()))
                / weights;
        notes.add(check + String.format(Locale.ROOT, "; the two are combined (weighted by their precision) into %.3f.",
                Math.exp(log)));
        return totals.scaled(Math.exp(log), 1 / weights);
    }
}
