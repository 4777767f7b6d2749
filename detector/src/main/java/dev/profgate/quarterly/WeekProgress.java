package dev.profgate.quarterly;

import dev.profgate.base.Progress;
import dev.profgate.model.StackSamples;
import dev.profgate.source.remote.TimeRange;
import dev.profgate.source.weekly.WeeklySource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Hands a source's profiles on to {@code sink} and tells {@code progress} each week of a service read, when the
 * source moves on to another week of it or is done with it (a source reads a service's profiles in order, on one
 * thread). Weeks are numbered as {@link QuarterlyRun} hands them to the source: the previous quarter's, then this
 * quarter's.
 */
final class WeekProgress implements WeeklySource.Sink {
    private final WeeklySource.Sink sink;
    private final Progress progress;
    /** What each week is called, e.g. {@code week 3/13 from 2026-01-15}. */
    private final List<String> names;
    /** Per service being read: the week it is in and the profiles of that week so far. */
    private final Map<String, int[]> reading = new TreeMap<>();

    WeekProgress(WeeklySource.Sink sink, Quarter quarter, Progress progress) {
        this.sink = sink;
        this.progress = progress;
        List<TimeRange> previous = quarter.previousWeeks();
        List<TimeRange> weeks = quarter.weeks();
        this.names = IntStream.range(0, previous.size() + weeks.size()).mapToObj(w -> w < previous.size()
                ? name("previous quarter's week ", w, previous) : name("week ", w - previous.size(), weeks)).toList();
    }

    @Override
    public void accept(String service, int week, StackSamples samples) {
        synchronized (this) {
            int[] current = reading.get(service);
            if (current == null || current[0] != week) {
                if (current != null) {
                    tell(service, current);
                }
                current = new int[] {week, 0};
                reading.put(service, current);
            }
            current[1]++;
        }
        sink.accept(service, week, samples);
    }

    @Override
    public void serviceDone(String service) {
        synchronized (this) {
            int[] current = reading.remove(service);
            if (current != null) {
                tell(service, current);
            }
        }
        sink.serviceDone(service);
    }

    /** Tells the weeks still open, once the source has handed every profile. */
    synchronized void finish() {
        reading.forEach(this::tell);
        reading.clear();
    }

    private void tell(String service, int[] week) {
        progress.done("read " + service + ": " + names.get(week[0]) + " (" + week[1]
                + (week[1] == 1 ? " profile)" : " profiles)"));
    }

    private static String name(String prefix, int week, List<TimeRange> weeks) {
        return prefix + (week + 1) + "/" + weeks.size() + " from "
                + Instant.ofEpochMilli(weeks.get(week).startMs()).toString().substring(0, 10);
    }
}
