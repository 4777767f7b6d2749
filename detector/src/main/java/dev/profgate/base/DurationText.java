package dev.profgate.base;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, or ISO 8601
 * ({@code PT30M}); and as they read them ({@link #format}).
 */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
    }

    /** Parses {@code text}; {@code input} names it in the error. */
    public static Duration parse(String text, String input) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(trimmed);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(text.trim());
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new BadInputException(input, "not a duration: '" + text + "' (like 90s, 30m, 2h, 1d or PT30M)");
        }
    }

    /** A duration as {@code 1h02m}, {@code 3m05s} or {@code 9.8s}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
