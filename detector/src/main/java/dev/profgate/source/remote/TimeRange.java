package dev.profgate.source.remote;

import dev.profgate.base.BadInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A half-open time range [start, end) in milliseconds since the epoch, the unit of Pyroscope's API. */
public record TimeRange(long startMs, long endMs) {
    public TimeRange {
        if (endMs <= startMs) {
            throw new BadInputException(Instant.ofEpochMilli(startMs) + "/" + Instant.ofEpochMilli(endMs),
                    "the time range is empty: its end is not after its start");
        }
    }

    public static TimeRange of(Instant start, Instant end) {
        return new TimeRange(start.toEpochMilli(), end.toEpochMilli());
    }

    public long lengthMs() {
        return endMs - startMs;
    }

    /** {@code parts} contiguous ranges of (nearly) equal length covering this one. */
    public List<TimeRange> split(int parts) {
        List<TimeRange> ranges = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            ranges.add(new TimeRange(startMs + lengthMs() * p / parts, startMs + lengthMs() * (p + 1) / parts));
        }
        return ranges;
    }

    /** Contiguous ranges of at most {@code maxMs} each covering this one (this one alone when {@code maxMs <= 0}). */
    public List<TimeRange> chunks(long maxMs) {
        if (maxMs <= 0 || lengthMs() <= maxMs) {
            return List.of(this);
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (long start = startMs; start < endMs; start += maxMs) {
            ranges.add(new TimeRange(start, Math.min(endMs, start + maxMs)));
        }
        return ranges;
    }

    /** The range from this one's start to {@code later}'s end. */
    public TimeRange through(TimeRange later) {
        return new TimeRange(startMs, later.endMs);
    }

    /** ISO 8601 interval notation, e.g. {@code 2024-05-01T10:00:00Z/2024-05-01T10:30:00Z}. */
    @Override
    public String toString() {
        return Instant.ofEpochMilli(startMs) + "/" + Instant.ofEpochMilli(endMs);
    }
}
