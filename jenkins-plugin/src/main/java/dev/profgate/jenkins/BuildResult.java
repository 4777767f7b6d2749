package dev.profgate.jenkins;

/**
 * The Jenkins build result a profgate run leads to. Exit codes 0 and 1 mean the run wrote its report (1: the
 * verdict failed the CLI's own {@code --fail-on}); the result then follows the verdict: UNSTABLE when it fails the
 * gate per {@link FailOn}, else SUCCESS. Any other exit code (2: bad input or usage) is an error: FAILURE.
 */
public enum BuildResult {
    SUCCESS, UNSTABLE, FAILURE;

    /** Whether a run that exited with {@code exitCode} wrote a report to read. */
    public static boolean wroteReport(int exitCode) {
        return exitCode == 0 || exitCode == 1;
    }

    /** The result of a run whose report says {@code verdict}, gated as {@code failOn} says. */
    public static BuildResult of(Verdict verdict, FailOn failOn) {
        return failOn.fails(verdict) ? UNSTABLE : SUCCESS;
    }
}
