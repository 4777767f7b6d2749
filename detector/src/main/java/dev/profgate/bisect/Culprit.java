package dev.profgate.bisect;

/**
 * The function a bisection follows: its regression between the good and the bad revision, as the confirming bench
 * run measured it ({@code base}/{@code head} shares of the profile type in benchmark {@code benchmark}, delta in
 * share points as a fraction).
 */
public record Culprit(String benchmark, String profileType, String function, double base, double head, double delta) {
}
