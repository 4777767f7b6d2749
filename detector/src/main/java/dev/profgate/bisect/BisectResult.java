package dev.profgate.bisect;

import dev.profgate.attribution.Commit;
import java.util.List;

/**
 * What a bisection found: the good and bad commits, the commits searched (first-parent history of bad after good,
 * oldest first), the culprit it followed (null when the confirming run found no regression), every bench run with
 * its mark and evidence, the first bad commit (null when not found) and its pull requests, the range the first bad
 * commit is known to lie in ({@code lastGood} exclusive to {@code firstKnownBad} inclusive), the number of revisions
 * built, and the conclusion in words.
 */
public record BisectResult(String good, String bad, List<Commit> commits, Culprit culprit, List<BisectStep> steps,
                           Commit firstBad, List<Integer> pullRequests, String lastGood, String firstKnownBad,
                           int builds, String conclusion) {
    public BisectResult {
        commits = List.copyOf(commits);
        steps = List.copyOf(steps);
        pullRequests = List.copyOf(pullRequests);
    }

    /** True when the first bad commit was found. */
    public boolean found() {
        return firstBad != null;
    }

    /** The number of bench runs, the confirming one included. */
    public int benchRuns() {
        return steps.size();
    }

    /** This result with the pull requests of the first bad commit. */
    public BisectResult withPullRequests(List<Integer> numbers) {
        return new BisectResult(good, bad, commits, culprit, steps, firstBad, numbers, lastGood, firstKnownBad,
                builds, conclusion);
    }
}
