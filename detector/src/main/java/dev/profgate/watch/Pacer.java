package dev.profgate.watch;

import java.util.concurrent.locks.LockSupport;

/** Starts a run's window queries at most {@code rate} a second, whatever thread sends them (0: no limit). */
final class Pacer {
    private final long gapNanos;
    private long next = System.nanoTime();

    Pacer(double rate) {
        gapNanos = rate > 0 ? (long) (1e9 / rate) : 0;
    }

    /** Waits for this caller's turn: {@code 1 / rate} seconds after the turn before it. */
    void await() {
        if (gapNanos == 0) {
            return;
        }
        long at;
        synchronized (this) {
            at = Math.max(System.nanoTime(), next);
            next = at + gapNanos;
        }
        for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
