package dev.profgate.top;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Profile values for people, scaled and rounded as pprof does ({@code 1.52s}, {@code 12.50MB}, {@code 7.36%}):
 * the exact binary value rounded half to even, as Go's {@code fmt} rounds.
 */
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
        String number = ratio >= 1 ? twoDecimals(ratio) : twoSignificantDigits(ratio);
        return " ".repeat(Math.max(0, 5 - number.length())) + number + "%";
    }

    private static String scaled(long value, String[] units, long[] factors) {
        int unit = 0;
        while (unit + 1 < units.length && Math.abs(value) >= factors[unit + 1]) {
            unit++;
        }
        String number = twoDecimals((double) value / factors[unit]);
        return (number.endsWith(".00") ? number.substring(0, number.length() - 3) : number) + units[unit];
    }

    private static String twoDecimals(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Go's {@code %.2g}: trailing zeros dropped, e-notation below 1e-4. */
    private static String twoSignificantDigits(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(2, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4) {
            return rounded.toPlainString();
        }
        String mantissa = rounded.movePointRight(-exponent).toPlainString();
        return mantissa + "e-" + (-exponent < 10 ? "0" : "") + (-exponent);
    }
}
