package dev.profgate.bench;

/** One benchmark (name with its parameter values) as measured on both sides, scores in {@code unit}. */
public record BenchmarkSamples(String benchmark, String unit, BenchSide base, BenchSide head) {
}
