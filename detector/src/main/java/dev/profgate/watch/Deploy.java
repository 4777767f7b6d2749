package dev.profgate.watch;

import java.time.Instant;

/** A deploy of the watched service: when it happened and what it deployed (a version, tag or commit). */
public record Deploy(Instant at, String version) {
}
