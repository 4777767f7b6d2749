package dev.profgate.base;

import java.io.PrintWriter;

/**
 * Where a long run tells each step it has finished (a window fetched, a week read, a revision built) as it goes: one
 * short line on standard error, never on standard output, where the reports go.
 */
@FunctionalInterface
public interface Progress {
    /** Tells nothing (tests, and runs no one watches). */
    Progress NONE = step -> { };

    /** Tells that {@code step} is done, e.g. {@code fetched base window 3/6 (...)}. */
    void done(String step);

    /** Each step as the line {@code profgate: STEP} on {@code err}, flushed at once. */
    static Progress to(PrintWriter err) {
        return step -> {
            err.println("profgate: " + step);
            err.flush();
        };
    }
}
