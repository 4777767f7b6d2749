package dev.profgate.base;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Points in time as users write them: ISO 8601 with an offset ({@code 2024-05-01T10:00:00Z},
 * {@code 2024-05-01T12:00:00+02:00}), Unix seconds ({@code 1714557600}), {@code now} or {@code now-2h}.
 */
public final class TimeText {
    private TimeText() {
    }

    public static Instant parse(String text, String option, Instant now) {
        String trimmed = text.trim();
        if (trimmed.equals("now")) {
            return now;
        }
        if (trimmed.startsWith("now-")) {
            return now.minus(DurationText.parse(trimmed.substring(4), option));
        }
        if (trimmed.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(trimmed));
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(option, "not a time: '" + text
                    + "' (like 2024-05-01T10:00:00Z, Unix seconds, now or now-2h)");
        }
    }
}
