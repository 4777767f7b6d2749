package dev.profgate.quarterly;

import dev.profgate.base.Progress;
import dev.profgate.model.StackSamples;
import dev.profgate.source.remote.TimeRange;
import dev.profgate.source.weekly.WeeklySource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands a source's profiles on to {@code sink} and tells {@code progress} each week of a service read, when the
 * source moves on to another week of it or is done with it (a source reads a service's profiles in order, on one
 * thread). {@code weeks}: the previous quarter's {@code quarterWeeks} weeks, then this quarter's.
 */
final class WeekProgress implements WeeklySource.Sink {
    private final WeeklySource.Sink sink;
    private final List<TimeRange> weeks;
    private final int quarterWeeks;
    private final Progress progress;
    /** Per service being read: the week it is in and the profiles of that week so far. */
    private final Map<String, int[]> reading = new TreeMap<>();

    WeekProgress(WeeklySource.Sink sink, List<TimeRange> weeks, int quarterWeeks, Progress progress) {
        this.sink = sink;
        this.weeks = weeks;
        this.quarterWeeks = quarterWeeks;
        this.progress = progress;
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
        int number = week[0] % quarterWeeks + 1;
        progress.done("read " + (week[0] < quarterWeeks ? "previous quarter's " : "") + "week " + number + "/"
                + quarterWeeks + " of " + service + " (from " + Instant.ofEpochMilli(weeks.get(week[0]).startMs())
                .toString().substring(0, 10) + ", " + week[1] + (week[1] == 1 ? " profile)" : " profiles)"));
    }
}
