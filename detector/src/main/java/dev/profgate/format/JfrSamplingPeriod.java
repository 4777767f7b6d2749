package dev.profgate.format;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The execution-sampling period a recording actually used, from its {@code jdk.ActiveSetting} events: JDK JFR
 * writes {@code period} ("10 ms"), async-profiler {@code interval} (nanoseconds). When several recordings were
 * active, the JVM sampled at the shortest period. Defaults to JFR's 20 ms when the recording has no such setting.
 */
final class JfrSamplingPeriod {
    static final long DEFAULT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final Pattern TIMESPAN = Pattern.compile("(\\d{1,18})\\s*(ns|us|ms|s|m|h|d)?");

    private final Map<Long, Long> shortestByEventType = new HashMap<>();
    private final Set<Long> executionSampleTypes = new HashSet<>();

    /** Takes note of one {@code jdk.ActiveSetting} event. */
    void setting(RecordedEvent activeSetting) {
        String name = activeSetting.getString("name");
        if (!"period".equals(name) && !"interval".equals(name)) {
            return;
        }
        long nanos = parseNanos(activeSetting.getString("value"));
        if (nanos > 0) {
            shortestByEventType.merge(activeSetting.getLong("id"), nanos, Math::min);
        }
    }

    /** Takes note of the type id of {@code jdk.ExecutionSample} in this recording (the id settings refer to). */
    void executionSampleType(long eventTypeId) {
        executionSampleTypes.add(eventTypeId);
    }

    long nanos() {
        long shortest = Long.MAX_VALUE;
        for (long type : executionSampleTypes) {
            shortest = Math.min(shortest, shortestByEventType.getOrDefault(type, Long.MAX_VALUE));
        }
        return shortest == Long.MAX_VALUE ? DEFAULT_NANOS : shortest;
    }

    /** A JFR timespan ("10 ms", "1 s") or a bare number of nanoseconds; -1 when it is neither. */
    static long parseNanos(String value) {
        Matcher matcher = value == null ? null : TIMESPAN.matcher(value.trim());
        if (matcher == null || !matcher.matches()) {
            return -1;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ns" : matcher.group(2);
        TimeUnit timeUnit = switch (unit) {
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "m" -> TimeUnit.MINUTES;
            case "h" -> TimeUnit.HOURS;
            case "d" -> TimeUnit.DAYS;
            default -> TimeUnit.NANOSECONDS;
        };
        return timeUnit.toNanos(amount);
    }
}
