package dev.profgate.analysis;

/**
 * A head-over-base scale measured outside the profiles' composition, {@code what} naming it (e.g. "CPU time per
 * operation"): base's cost over head's cost of the same work, so that a function whose absolute cost did not change
 * keeps its share times {@code scale}; {@code logVariance} is the variance of its logarithm (infinite: unknown). The
 * comparison combines it with its own estimate when they agree, and falls back on it when that estimate cannot be
 * made.
 */
public record MeasuredScale(double scale, double logVariance, String what) {
}
