package dev.profgate.cli;

import dev.profgate.analysis.Verdict;

/** From which verdict on the gate fails the build ({@code --fail-on}). */
public enum FailOn {
    FAIL, WARN, NEVER;

    /** Exit code for a run that ended in {@code verdict}. */
    public int exitCode(Verdict verdict) {
        boolean fails = switch (this) {
            case FAIL -> verdict == Verdict.FAIL;
            case WARN -> verdict != Verdict.PASS;
            case NEVER -> false;
        };
        return fails ? BaseCommand.EXIT_REGRESSION : BaseCommand.EXIT_PASS;
    }
}
