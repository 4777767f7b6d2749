package dev.profgate.deploy;

import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.TimeRange;

/** One side of a deploy check to fetch: its name ({@code base} or {@code head}), label selector and time range. */
public record WindowQuery(String side, LabelSelector selector, TimeRange range) {
}
