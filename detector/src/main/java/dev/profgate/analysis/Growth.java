package dev.profgate.analysis;

/**
 * One function that grew over the quarter, tested with weeks as replicates: its pooled self share in the early and
 * the late weeks (between quarters: the late share relative to the code that did not change, see {@link Effect}),
 * {@code delta = late - early} with its 95% interval, p and Benjamini-Hochberg q of the count test, and
 * the change of its total share beside it.
 */
public record Growth(String function, double early, double late, double delta, Interval ci, double pValue,
                     double qValue, double totalDelta) {
}
