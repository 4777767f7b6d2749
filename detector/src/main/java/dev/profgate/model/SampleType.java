package dev.profgate.model;

/** One value column of a profile, such as {@code cpu/nanoseconds} or {@code alloc_space/bytes}. */
public record SampleType(String type, String unit) {
    @Override
    public String toString() {
        return type + "/" + unit;
    }
}
