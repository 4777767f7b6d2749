package dev.profgate.watch;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import dev.profgate.source.remote.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The steps a watch run cuts its time range into: {@code count} steps of length {@code step} from {@code from}. A day
 * that is a whole number of steps is the cycle of traffic ({@link #period}), when the range holds at least two.
 */
public record StepGrid(Instant from, Duration step, int count) {
    /** The most steps a run may have (a year of hours). */
    public static final int MAX_STEPS = 24 * 366;
    private static final Duration DAY = Duration.ofDays(1);

    /** The steps from {@code from} up to {@code to} (a last, shorter step is dropped). */
    public static StepGrid of(Instant from, Instant to, Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new BadInputException("--step", "must be longer than zero");
        }
        long count = Duration.between(from, to).toMillis() / step.toMillis();
        if (count < 2) {
            throw new BadInputException("--from/--to", "the range " + from + " to " + to + " holds fewer than two "
                    + "steps of " + DurationText.format(step));
        }
        if (count > MAX_STEPS) {
            throw new BadInputException("--step", count + " steps from " + from + " to " + to + " are more than "
                    + MAX_STEPS);
        }
        return new StepGrid(from, step, (int) count);
    }

    /**
     * The steps from {@code from}, moved back to a whole number of steps since the epoch, up to {@code to}: the same
     * windows on every run (a server's cache of them stays valid), each whole hour for hourly steps.
     */
    public static StepGrid aligned(Instant from, Instant to, Duration step) {
        long millis = step.toMillis();
        return of(millis <= 0 ? from : Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), millis) * millis), to,
                step);
    }

    /** Each step's time range, in order. */
    public List<TimeRange> ranges() {
        return IntStream.range(0, count).mapToObj(s -> TimeRange.of(start(s), start(s + 1))).toList();
    }

    /** The whole range, from the first step's start to the last step's end. */
    public TimeRange all() {
        return TimeRange.of(from, start(count));
    }

    /** When step {@code s} starts. */
    public Instant start(int s) {
        return from.plus(step.multipliedBy(s));
    }

    /** Steps per day when a day is a whole number of steps and the range holds two days or more, else 1 (none). */
    public int period() {
        long perDay = DAY.toMillis() / step.toMillis();
        boolean whole = perDay > 1 && DAY.toMillis() % step.toMillis() == 0;
        return whole && count >= 2 * perDay ? (int) perDay : 1;
    }
}
