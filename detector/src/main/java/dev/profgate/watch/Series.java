package dev.profgate.watch;

/**
 * What a finding's chart shows: the function's share per step relative to the code that did not change (NaN for a
 * step without samples), the step it changed at, and its levels before and after (null for a trend).
 */
public record Series(String function, String metric, double[] shares, int step, Level before, Level after) {
}
