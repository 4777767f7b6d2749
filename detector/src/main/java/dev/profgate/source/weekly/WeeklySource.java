package dev.profgate.source.weekly;

import dev.profgate.model.StackSamples;
import dev.profgate.source.remote.TimeRange;
import java.util.List;

/**
 * Where a quarter's profiles come from: each profile is handed to the sink with its service and week as soon as it is
 * read, so no more than one profile per reading thread ({@link DatedFiles#READERS}: at most two) needs to be in
 * memory at a time.
 */
public interface WeeklySource {
    /**
     * Hands the samples of sample type {@code type} (null: each profile's default) of every profile that falls into
     * one of {@code weeks} to {@code sink}, week index from 0.
     */
    void read(List<TimeRange> weeks, String type, Sink sink);

    /** What the source is, for the report's notes, e.g. {@code folder profiles/}. */
    String describe();

    /**
     * Receives the profiles of a source. A source may call it from several threads at once, but hands all profiles
     * of one service from one thread, in the order it reads them.
     */
    interface Sink {
        void accept(String service, int week, StackSamples samples);

        /** Tells that the source hands no more profiles of {@code service} (a source need not tell). */
        default void serviceDone(String service) {
        }
    }
}
