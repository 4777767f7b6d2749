package dev.profgate.quarterly;

import dev.profgate.base.BadInputException;
import dev.profgate.source.remote.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The period of a quarterly report, [from, to) in UTC days, cut into weeks of seven days from {@code from}; the last
 * week ends at {@code to} (a quarter of 90 to 92 days has 13 weeks). {@code name} is the calendar quarter of
 * {@code from}, e.g. {@code 2026-Q1}.
 */
public record Quarter(LocalDate from, LocalDate to) {
    public Quarter {
        if (!to.isAfter(from)) {
            throw new BadInputException("--to " + to, "must be after --from " + from);
        }
    }

    /** Parses ISO dates ({@code 2026-01-01}). */
    public static Quarter parse(String from, String to) {
        return new Quarter(date(from, "--from"), date(to, "--to"));
    }

    public String name() {
        return from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
    }

    /** The weeks, at least one. */
    public List<TimeRange> weeks() {
        long days = ChronoUnit.DAYS.between(from, to);
        int count = (int) Math.max(1, Math.round(days / 7.0));
        List<TimeRange> weeks = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            LocalDate end = w == count - 1 ? to : from.plusDays(7L * (w + 1));
            weeks.add(new TimeRange(epochMs(from.plusDays(7L * w)), epochMs(end)));
        }
        return weeks;
    }

    /** As many weeks of seven days as {@link #weeks()} has, ending at {@code from}: the previous quarter's. */
    public List<TimeRange> previousWeeks() {
        int count = weeks().size();
        List<TimeRange> weeks = new ArrayList<>();
        for (int w = count; w > 0; w--) {
            weeks.add(new TimeRange(epochMs(from.minusDays(7L * w)), epochMs(from.minusDays(7L * (w - 1)))));
        }
        return weeks;
    }

    /** The first day of each week, ISO. */
    public List<String> weekLabels() {
        return weeks().stream().map(w -> Instant.ofEpochMilli(w.startMs()).toString().substring(0, 10))
                .toList();
    }

    /** The hours of the quarter (for core hours). */
    public double hours() {
        return ChronoUnit.DAYS.between(from, to) * 24.0;
    }

    private static long epochMs(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(option + " " + text, "not a date (expected YYYY-MM-DD)");
        }
    }
}
