package dev.profgate.analysis;

/**
 * A head-over-base scale measured outside the profiles' composition, {@code what} naming it (e.g. "CPU time per
 * operation"): base's cost over head's cost of the same work, so that a function whose absolute cost did not change
 * keeps its share times {@code scale}. The comparison cross-checks its own scale against it and falls back on it.
 */
public record MeasuredScale(double scale, String what) {
}
