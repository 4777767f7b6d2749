package dev.profgate.watch;

/**
 * A function's level over a window of steps {@code [from, to)}: its share relative to the code that did not change
 * (samples over the steps' effective sizes, pooled) and the 95% interval of the mean of its step shares.
 */
public record Level(int from, int to, double share, double low, double high) {
}
