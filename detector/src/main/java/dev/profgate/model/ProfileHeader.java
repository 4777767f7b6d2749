package dev.profgate.model;

import java.util.List;

/** What a profile measures: its value columns, the default one, the sampling period and the time span. */
public record ProfileHeader(List<SampleType> sampleTypes, int defaultType, SampleType periodType, long period,
                            long timeNanos, long durationNanos) {
    public ProfileHeader {
        sampleTypes = List.copyOf(sampleTypes);
    }

    /** Index of the column named {@code type}, or -1. */
    public int indexOf(String type) {
        for (int i = 0; i < sampleTypes.size(); i++) {
            if (sampleTypes.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }
}
