package dev.profgate.analysis;

/**
 * One tested trend of a share series: Sen's line at the first and the last point (not below 0), their difference
 * with the 95% interval of Sen's slope times the span between them, and Mann-Kendall's p.
 */
public record TrendEstimate(double first, double last, double delta, Interval ci, double pValue) {
}
