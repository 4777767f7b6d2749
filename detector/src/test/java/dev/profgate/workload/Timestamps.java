package dev.profgate.workload;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;

/**
 * Formats audit-log timestamps and day keys; the bad version builds a {@link SimpleDateFormat} and a
 * {@link DateTimeFormatter} on every call.
 */
final class Timestamps {
    private static final String STAMP = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
    private static final String DAY = "yyyy-MM-dd";
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern(STAMP).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern(DAY).withZone(ZoneOffset.UTC);
    private static volatile int length;

    private Timestamps() {
    }

    static void run(boolean bad, long deadline) {
        long millis = 1_700_000_000_000L;
        while (System.nanoTime() < deadline) {
            length += stamp(millis, bad).length() + day(millis, bad).length();
            millis += 1_234;
        }
    }

    static String stamp(long millis, boolean perCall) {
        if (perCall) {
            SimpleDateFormat format = new SimpleDateFormat(STAMP);
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format.format(new Date(millis));
        }
        return STAMP_FORMAT.format(Instant.ofEpochMilli(millis));
    }

    static String day(long millis, boolean perCall) {
        DateTimeFormatter format = perCall ? DateTimeFormatter.ofPattern(DAY).withZone(ZoneOffset.UTC) : DAY_FORMAT;
        return format.format(Instant.ofEpochMilli(millis));
    }
}
