package dev.profgate.analysis;

/** Where a function lives in source, as far as the profile tells (file may be empty, line 0 when unknown). */
public record SourceRef(String file, int line) {
}
