package dev.profgate.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;

/**
 * Child-JVM program that records a quarter of weekly profiles of one service under JDK Flight Recorder, one
 * recording per week named by the week's first day ({@code 2026-01-01.jfr}, then every seven days). Each request does
 * a steady amount of work ({@link #steady}) and an amount that grows week by week ({@link #grow}); from week
 * {@code REGEX_WEEK} on, every request also validates a card number with a regex compiled per call
 * ({@link CardValidation}, the anti-pattern).
 *
 * <p>Usage: {@code QuarterWorkload OUT_DIR FIRST_DAY WEEKS REGEX_WEEK MILLIS}.
 */
public final class QuarterWorkload {
    private static final int STEADY_UNITS = 4000;
    private static final int GROWTH_UNITS_PER_WEEK = 300;
    private static final long WARM_UP_MILLIS = 500;
    /** Card numbers validated per request from the regex week on: enough for the regex to stay over 10% once compiled. */
    private static final int REGEX_CALLS = 4;
    private static volatile long sink;

    private QuarterWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        LocalDate first = LocalDate.parse(args[1]);
        int weeks = Integer.parseInt(args[2]);
        int regexWeek = Integer.parseInt(args[3]);
        long millis = Long.parseLong(args[4]);
        serve(weeks, true, deadline(WARM_UP_MILLIS));
        for (int week = 1; week <= weeks; week++) {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                serve(week, week >= regexWeek, deadline(millis));
                recording.stop();
                recording.dump(out.resolve(first.plusDays(7L * (week - 1)) + ".jfr"));
            }
        }
    }

    private static void serve(int week, boolean regexPerCall, long deadline) {
        long n = 0;
        while (System.nanoTime() < deadline) {
            sink += steady(n) + grow(n, week);
            for (int call = 0; regexPerCall && call < REGEX_CALLS; call++) {
                if (CardValidation.validate("4242 4242 4242 " + (1000 + (n + call) % 9000), true)) {
                    sink++;
                }
            }
            n++;
        }
    }

    static long steady(long seed) {
        long x = seed;
        for (int i = 0; i < STEADY_UNITS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    static long grow(long seed, int week) {
        long x = seed;
        for (int i = 0; i < GROWTH_UNITS_PER_WEEK * week; i++) {
            x = x * 2862933555777941757L + 3037000493L;
        }
        return x;
    }

    private static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
