package dev.profgate.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Profile values for people, scaled as pprof scales them: {@code 1.52s}, {@code 12.50MB}, {@code 7.36%}. */
final class ValueText {
    private static final String[] TIME_UNITS = {"ns", "us", "ms", "s"};
    private static final long[] TIME_FACTORS = {1, 1_000, 1_000_000, 1_000_000_000};
    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
    private static final long[] BYTE_FACTORS = {1, 1L << 10, 1L << 20, 1L << 30, 1L << 40, 1L << 50};

    private ValueText() {
    }

    /** A value in {@code unit} (nanoseconds and bytes scaled to the largest unit that keeps it at least 1). */
    static String of(long value, String unit) {
        if (value == 0) {
            return "0";
        }
        return switch (unit) {
            case "nanoseconds" -> scaled(value, TIME_UNITS, TIME_FACTORS);
            case "bytes" -> scaled(value, BYTE_UNITS, BYTE_FACTORS);
            default -> Long.toString(value);
        };
    }

    /** pprof's percentage column: {@code 100%}, two decimals from 1%, two significant digits below. */
    static String percentage(long value, long total) {
        double ratio = total == 0 ? 0 : Math.abs((double) value / total) * 100;
        if (ratio >= 99.95 && ratio <= 100.05) {
            return "  100%";
        }
        if (ratio >= 1) {
            return String.format(Locale.ROOT, "%5.2f%%", ratio);
        }
        String small = ratio == 0 ? "0"
                : new BigDecimal(ratio).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, "%5s%%", small);
    }

    private static String scaled(long value, String[] units, long[] factors) {
        int unit = 0;
        while (unit + 1 < units.length && Math.abs(value) >= factors[unit + 1]) {
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.2f", (double) value / factors[unit]);
        return (number.endsWith(".00") ? number.substring(0, number.length() - 3) : number) + units[unit];
    }
}
