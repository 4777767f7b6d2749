package dev.profgate.source.remote;

/** One side of a deploy check to fetch: its name ({@code base} or {@code head}), label selector and time range. */
public record WindowQuery(String side, LabelSelector selector, TimeRange range) {
}
