package dev.profgate.bench;

/** What a bench run compared and how, for the report headers: the base and head names and the settings used. */
public record BenchRunInfo(String base, String head, String settings) {
}
