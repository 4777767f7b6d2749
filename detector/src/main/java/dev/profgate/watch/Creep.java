package dev.profgate.watch;

import dev.profgate.analysis.TrendEstimate;

/**
 * A function of one service whose self share crept up or down over the range with no single step: the seasonal trend
 * test (like hours with like) with its Benjamini-Hochberg q over the service's functions, and its series.
 */
public record Creep(String service, String function, TrendEstimate trend, double qValue, Series series) {
}
