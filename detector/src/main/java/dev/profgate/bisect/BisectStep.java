package dev.profgate.bisect;

import dev.profgate.attribution.Commit;

/**
 * One bench run of a bisection: run {@code run} (1 = the confirming run of good against bad) compared the good
 * revision with {@code commit} using {@code forks} forks a side, and marked it, with the evidence in words.
 */
public record BisectStep(int run, Commit commit, int forks, Mark mark, String evidence) {
    /** What a run says of its commit. */
    public enum Mark {
        /** The culprit function regressed significantly: the regression is in this commit or before it. */
        BAD,
        /** The culprit did not regress, and the run rules out a regression of half the confirmed size. */
        GOOD,
        /** Neither: the culprit did not regress significantly but the run was too noisy to rule it out. */
        INCONCLUSIVE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
