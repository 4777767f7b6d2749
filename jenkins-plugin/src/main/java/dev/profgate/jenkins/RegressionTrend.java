package dev.profgate.jenkins;

/**
 * One function's regressions across builds: in how many builds it was a regression, the newest such build and its
 * share change there, and the largest share change seen.
 */
public record RegressionTrend(String function, int builds, int latestBuild, double latestDelta, double maxDelta) {
    /** The largest share change in signed percentage points, or {@code -} when unknown. */
    public String maxDeltaText() {
        return Finding.points(maxDelta);
    }
}
