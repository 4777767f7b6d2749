package dev.profgate.analysis;

/**
 * A function's change relative to the code that did not change: {@code change} in shares of the base side's total
 * (0.005 = the function now costs 0.5% of base's CPU more), its 95% interval, and {@code ratio}, the function's cost
 * in head over its cost in base on that scale (infinite for a function new in head).
 */
public record Effect(double change, Interval ci, double ratio) {
}
