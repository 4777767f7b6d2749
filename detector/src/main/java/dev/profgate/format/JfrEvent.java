package dev.profgate.format;

import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/** The JFR event types profgate reads, what each measures and where its value comes from. */
enum JfrEvent {
    EXECUTION_SAMPLE("jdk.ExecutionSample", JfrMeasure.CPU, null),
    ALLOCATION_SAMPLE("jdk.ObjectAllocationSample", JfrMeasure.ALLOCATION, "weight"),
    ALLOCATION_IN_NEW_TLAB("jdk.ObjectAllocationInNewTLAB", JfrMeasure.ALLOCATION, "tlabSize"),
    ALLOCATION_OUTSIDE_TLAB("jdk.ObjectAllocationOutsideTLAB", JfrMeasure.ALLOCATION, "allocationSize"),
    MONITOR_ENTER("jdk.JavaMonitorEnter", JfrMeasure.MONITOR, null),
    THREAD_PARK("jdk.ThreadPark", JfrMeasure.PARK, null);

    private static final Map<String, JfrEvent> BY_NAME = new HashMap<>();

    static {
        for (JfrEvent event : values()) {
            BY_NAME.put(event.eventName, event);
        }
    }

    final String eventName;
    final JfrMeasure measure;
    private final String valueField;

    JfrEvent(String eventName, JfrMeasure measure, String valueField) {
        this.eventName = eventName;
        this.measure = measure;
        this.valueField = valueField;
    }

    /** The supported event type named {@code eventName}, or null. */
    static JfrEvent byName(String eventName) {
        return BY_NAME.get(eventName);
    }

    /** True for the TLAB events, read only when a recording has no {@code jdk.ObjectAllocationSample}. */
    boolean isTlabFallback() {
        return this == ALLOCATION_IN_NEW_TLAB || this == ALLOCATION_OUTSIDE_TLAB;
    }

    /** The event's value: bytes for allocations, the duration for monitor and park; 0 for execution samples (the period is applied later). */
    long value(RecordedEvent event) {
        return switch (measure) {
            case CPU -> 0;
            case ALLOCATION -> Math.max(0, event.getLong(valueField));
            case MONITOR, PARK -> Math.max(0, event.getDuration().toNanos());
        };
    }
}
