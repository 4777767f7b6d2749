package dev.profgate.top;

/** One function in a {@link TopTable}: its flat (self) and cum (total) value and pprof's inline marker. */
public record TopRow(String function, long flat, long cum, Inlining inlining) {
}
