package dev.profgate.deploy;

/**
 * How a side's window becomes replicates: {@code replicates} sub-windows (0: chosen so that each holds at least
 * {@code minSamples} samples), and the longest time range one query may cover ({@code maxQueryMs}, 0 for no limit;
 * longer ranges are fetched in pieces and merged, as Pyroscope's {@code max_query_length} requires).
 */
public record FetchPlan(int replicates, int minSamples, long maxQueryMs) {
    /** Sub-windows fetched when the number of replicates is chosen automatically; groups of them become replicates. */
    public static final int AUTO_PIECES = 6;
}
