package dev.profgate.deploy;

import dev.profgate.base.BadInputException;
import dev.profgate.base.TimeText;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.TimeRange;
import java.time.Duration;
import java.time.Instant;

/**
 * Which windows a deploy check compares: around the deploy at {@code deployedAt}, or the {@code base} and
 * {@code head} selectors over {@code from}..{@code to} (times as {@link TimeText} reads them). Any may be null.
 */
public record DeploySides(String deployedAt, String from, String to, String base, String head) {
    /** Base and head ranges: around {@code deployedAt}, else {@code from}..{@code to} (now-1h..now) for both. */
    DeployWindows windows(Duration window, Duration gap, Instant now) {
        if (deployedAt != null) {
            if (from != null || to != null) {
                throw new BadInputException("--deployed-at", "give either --deployed-at or --from/--to, not both");
            }
            return DeployWindows.around(TimeText.parse(deployedAt, "--deployed-at", now), window, gap, now);
        }
        if (base == null || head == null) {
            throw new BadInputException("deploy-check", "give --deployed-at, or --base and --head selectors "
                    + "(compared over --from/--to)");
        }
        TimeRange range = TimeRange.of(TimeText.parse(from == null ? "now-1h" : from, "--from", now),
                TimeText.parse(to == null ? "now" : to, "--to", now));
        return new DeployWindows(range, range);
    }

    /** The base side over {@code range}: its selector, else {@code both}, else the head's. */
    WindowQuery baseQuery(String both, TimeRange range) {
        return query("base", first(base, both, head), range);
    }

    /** The head side over {@code range}: its selector, else {@code both}, else the base's. */
    WindowQuery headQuery(String both, TimeRange range) {
        return query("head", first(head, both, base), range);
    }

    private static WindowQuery query(String side, String selector, TimeRange range) {
        if (selector == null) {
            throw new BadInputException("--" + side, "give a label selector (or --selector for both sides)");
        }
        return new WindowQuery(side, LabelSelector.parse(selector, "--" + side), range);
    }

    private static String first(String one, String two, String three) {
        return one != null ? one : two != null ? two : three;
    }
}
