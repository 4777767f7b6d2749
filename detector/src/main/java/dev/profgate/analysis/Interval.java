package dev.profgate.analysis;

/** A two-sided confidence interval (95% unless stated). */
public record Interval(double low, double high) {
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
