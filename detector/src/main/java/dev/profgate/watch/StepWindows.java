package dev.profgate.watch;

import java.util.stream.IntStream;

/**
 * The windows a candidate change point at {@code step} is tested on, like hours with like: with a daily cycle of
 * {@code period} steps, the day before {@code step} against the day from it, so that every hour of the day is on
 * both sides once and a daily traffic cycle cancels; near the ends of the range, the part of a day that there is,
 * against the same hours one day later (at the start) or earlier (at the end). Without a cycle, up to
 * {@code window} steps either side. Only steps with samples are kept.
 */
record StepWindows(int step, int[] before, int[] after) {
    /** The windows around {@code k} in {@code count} steps, with samples where {@code present}. */
    static StepWindows around(int k, boolean[] present, int period, int window) {
        int count = present.length;
        int width = period > 1 ? period : window;
        if (period > 1 && k < width && k + width <= count) {
            return of(k, present, 0, k, width, width + k);
        }
        if (period > 1 && k + width > count && k >= width) {
            return of(k, present, k - width, count - width, k, count);
        }
        return of(k, present, Math.max(0, k - width), k, k, Math.min(count, k + width));
    }

    /**
     * The short windows that show a burst: the {@code steps} from {@code k} against the same hours of every day before
     * (with a daily cycle and a day before {@code k}), else against the {@code steps} before {@code k}.
     */
    static StepWindows burst(int k, boolean[] present, int period, int steps) {
        int end = Math.min(present.length, k + steps);
        int[] after = IntStream.range(k, end).filter(s -> present[s]).toArray();
        if (period <= 1 || k < period) {
            return new StepWindows(k, IntStream.range(Math.max(0, k - steps), k).filter(s -> present[s]).toArray(),
                    after);
        }
        int[] before = IntStream.range(0, k).filter(s -> present[s] && Math.floorMod(s - k, period) < end - k)
                .toArray();
        return new StepWindows(k, before, after);
    }

    private static StepWindows of(int k, boolean[] present, int beforeFrom, int beforeTo, int afterFrom, int afterTo) {
        return new StepWindows(k, IntStream.range(beforeFrom, beforeTo).filter(s -> present[s]).toArray(),
                IntStream.range(afterFrom, afterTo).filter(s -> present[s]).toArray());
    }
}
