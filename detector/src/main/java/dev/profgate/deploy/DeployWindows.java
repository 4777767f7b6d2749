package dev.profgate.deploy;

import dev.profgate.base.BadInputException;
import dev.profgate.source.remote.TimeRange;
import java.time.Duration;
import java.time.Instant;

/**
 * The base and head windows around a deploy at {@code T}: base is {@code [T - window, T)}, head is
 * {@code [T + gap, T + gap + window)}, so the rollout (old and new versions serving side by side) is left out.
 */
public record DeployWindows(TimeRange base, TimeRange head) {
    /** The windows around {@code deployedAt}; the head window must have ended by {@code now}. */
    public static DeployWindows around(Instant deployedAt, Duration window, Duration gap, Instant now) {
        if (window.isNegative() || window.isZero()) {
            throw new BadInputException("--window", "must be longer than zero, not " + window);
        }
        if (gap.isNegative()) {
            throw new BadInputException("--gap", "must not be negative, not " + gap);
        }
        Instant headStart = deployedAt.plus(gap);
        Instant headEnd = headStart.plus(window);
        if (headEnd.isAfter(now)) {
            throw new BadInputException("--deployed-at", "the head window ends at " + headEnd + ", after now ("
                    + now + "): run the check then, or shorten --window or --gap");
        }
        return new DeployWindows(TimeRange.of(deployedAt.minus(window), deployedAt), TimeRange.of(headStart, headEnd));
    }
}
