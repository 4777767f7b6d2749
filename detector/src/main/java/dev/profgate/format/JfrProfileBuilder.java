package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.model.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Collects the supported events of one recording, one at a time, and builds the profile: a count and a value
 * column per measure that has events, and a timeline entry per event. Every other event (the recording
 * machine's environment, system properties, JVM arguments) is skipped without reading a field.
 */
final class JfrProfileBuilder {
    private final String source;
    private final JfrStacks stacks = new JfrStacks();
    private final JfrSamplingPeriod period = new JfrSamplingPeriod();
    private final JfrEventLog log = new JfrEventLog();

    JfrProfileBuilder(String source) {
        this.source = source;
    }

    void accept(RecordedEvent event) {
        String name = event.getEventType().getName();
        if (name.equals("jdk.ActiveSetting")) {
            period.setting(event);
            return;
        }
        JfrEvent type = JfrEvent.byName(name);
        if (type == null) {
            return;
        }
        if (type == JfrEvent.EXECUTION_SAMPLE) {
            period.executionSampleType(event.getEventType().getId());
        }
        log.add(type, stacks.leaf(event.getStackTrace()), nanos(event.getStartTime()), type.value(event));
    }

    Profile build() {
        boolean[] included = includedEvents();
        int[] countColumn = new int[JfrMeasure.values().length];
        List<SampleType> columns = columns(included, countColumn);
        if (columns.isEmpty()) {
            throw new BadInputException(source, "no execution, allocation, monitor-enter or park events in this JFR recording");
        }
        long periodNanos = period.nanos();
        CallTree tree = copyShape(columns.size());
        Timeline timeline = new Timeline(columns.size());
        for (int i = 0; i < log.size(); i++) {
            JfrEvent type = log.type(i);
            if (included[type.ordinal()]) {
                long value = type == JfrEvent.EXECUTION_SAMPLE ? periodNanos : log.value(i);
                add(tree, timeline, i, countColumn[type.measure.ordinal()], value);
            }
        }
        boolean cpu = countColumn[JfrMeasure.CPU.ordinal()] >= 0;
        ProfileHeader header = new ProfileHeader(columns, 1, cpu ? JfrMeasure.CPU.value : null,
                cpu ? periodNanos : 0, log.firstTime(), log.lastTime() - log.firstTime());
        return new Profile(source, header, stacks.frames(), tree, timeline);
    }

    /** Counts event {@code index} once in column {@code count} and adds its value to the column after it. */
    private void add(CallTree tree, Timeline timeline, int index, int count, long value) {
        int leaf = log.leaf(index);
        tree.addSelf(leaf, count, 1);
        tree.addSelf(leaf, count + 1, value);
        int sample = timeline.add(leaf, log.time(index));
        timeline.set(sample, count, 1);
        timeline.set(sample, count + 1, value);
    }

    /** Events that go into the profile: all supported ones seen, except TLAB events when allocation samples exist. */
    private boolean[] includedEvents() {
        boolean sampledAllocations = log.count(JfrEvent.ALLOCATION_SAMPLE) > 0;
        boolean[] included = new boolean[JfrEvent.values().length];
        for (JfrEvent event : JfrEvent.values()) {
            included[event.ordinal()] = log.count(event) > 0 && !(sampledAllocations && event.isTlabFallback());
        }
        return included;
    }

    /** The count and value columns of every measure with events; fills {@code countColumn} (-1 when absent). */
    private static List<SampleType> columns(boolean[] included, int[] countColumn) {
        Arrays.fill(countColumn, -1);
        List<SampleType> columns = new ArrayList<>();
        for (JfrMeasure measure : JfrMeasure.values()) {
            if (hasEvents(measure, included)) {
                countColumn[measure.ordinal()] = columns.size();
                columns.add(measure.count);
                columns.add(measure.value);
            }
        }
        return columns;
    }

    private static boolean hasEvents(JfrMeasure measure, boolean[] included) {
        for (JfrEvent event : JfrEvent.values()) {
            if (included[event.ordinal()] && event.measure == measure) {
                return true;
            }
        }
        return false;
    }

    /** A tree with the nodes of the stack shape, same node ids (children are created in the same order). */
    private CallTree copyShape(int types) {
        CallTree shape = stacks.shape();
        CallTree tree = new CallTree(types);
        for (int node = 1; node < shape.size(); node++) {
            tree.child(shape.parent(node), shape.frame(node));
        }
        return tree;
    }

    private static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
