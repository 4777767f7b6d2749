package dev.profgate.source.remote;

/**
 * The total value of the profiles carrying one value of a label (a version, say) over time: a point per step, at
 * {@code times} (milliseconds since the epoch, ascending), with {@code values}.
 */
public record LabelSeries(String value, long[] times, double[] values) {
}
