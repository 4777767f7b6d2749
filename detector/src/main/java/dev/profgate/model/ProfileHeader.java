package dev.profgate.model;

import dev.profgate.base.BadInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a profile measures: its value columns, the default one, the sampling period and the time span. */
public record ProfileHeader(List<SampleType> sampleTypes, int defaultType, SampleType periodType, long period,
                            long timeNanos, long durationNanos) {
    private static final String LEGACY_PREFIX = "inuse_";
    private static final Map<String, String> COUNT_COMPANIONS = Map.of(
            "cpu", "samples", "wall", "samples", "alloc_space", "alloc_samples",
            "delay", "contentions", "park_delay", "parks");

    public ProfileHeader {
        sampleTypes = List.copyOf(sampleTypes);
    }

    /**
     * The column holding the sample counts of column {@code type}: itself when its unit is {@code count}, else its
     * count companion ({@code cpu}/{@code wall} -> {@code samples}, ...); -1 when there is none (then counts are
     * value / period, see {@link Profile#counts}).
     */
    public int countColumn(int type) {
        if ("count".equals(sampleTypes.get(type).unit())) {
            return type;
        }
        String companion = COUNT_COMPANIONS.get(sampleTypes.get(type).type());
        return companion == null ? -1 : indexOf(companion);
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

    /**
     * The column a user asked for, read as pprof reads {@code -sample_index}: {@code null} for the default column,
     * a column number, a type name ({@code cpu}, {@code alloc_space}, {@code delay}...), or {@code inuse_x} for a
     * column named {@code x} (legacy heap profiles).
     */
    public int resolveType(String requested, String source) {
        if (requested == null) {
            return defaultType;
        }
        Integer number = parseIndex(requested);
        if (number != null) {
            if (number < 0 || number >= sampleTypes.size()) {
                throw new BadInputException(source, "sample type index " + number + " is outside [0.."
                        + (sampleTypes.size() - 1) + "]; available: " + available());
            }
            return number;
        }
        String legacy = requested.startsWith(LEGACY_PREFIX) ? requested.substring(LEGACY_PREFIX.length()) : requested;
        for (int i = 0; i < sampleTypes.size(); i++) {
            String type = sampleTypes.get(i).type();
            if (type.equals(requested) || type.equals(legacy)) {
                return i;
            }
        }
        throw new BadInputException(source, "no sample type '" + requested + "'; available: " + available());
    }

    private String available() {
        return sampleTypes.stream().map(SampleType::type).collect(Collectors.joining(", "));
    }

    private static Integer parseIndex(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
