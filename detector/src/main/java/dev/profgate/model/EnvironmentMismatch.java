package dev.profgate.model;

/** One way in which the base side was recorded differently from the head side: what differs and its two values. */
public record EnvironmentMismatch(String what, String base, String head) {
    /** {@code JVM: 17.0.15 (base) vs 21.0.2 (head)}. */
    @Override
    public String toString() {
        return what + ": " + base + " (base) vs " + head + " (head)";
    }
}
