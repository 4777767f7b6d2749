package dev.profgate.report;

import dev.profgate.analysis.Effect;
import dev.profgate.analysis.Interval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by the human-readable reports: shares as percent, changes in percentage points. */
public final class Formats {
    private static final String UNKNOWN = "n/a";

    private Formats() {
    }

    /** A share (0..1) as a percentage, e.g. {@code 24.1%}. */
    static String percent(double share) {
        return Double.isFinite(share) ? points(share) + "%" : UNKNOWN;
    }

    /** A change of share as signed percentage points without unit, e.g. {@code +24.1}. */
    static String signedPoints(double delta) {
        if (!Double.isFinite(delta)) {
            return UNKNOWN;
        }
        return (delta >= 0 ? "+" : "-") + points(Math.abs(delta));
    }

    /** A confidence interval of a change in signed percentage points, e.g. {@code +22.0 … +26.3}. */
    static String interval(Interval ci) {
        return ci == null ? UNKNOWN : signedPoints(ci.low()) + " … " + signedPoints(ci.high());
    }

    /**
     * A change relative to the unchanged code, in percent of base's total and as a ratio, e.g. {@code +0.50% ×3.4};
     * {@code new} or {@code gone} for a cost that appeared or vanished.
     */
    static String effect(Effect effect) {
        double change = effect.change();
        String amount = Double.isFinite(change) ? signedPoints(change) + "%" : UNKNOWN;
        double ratio = effect.ratio();
        String times = Double.isInfinite(ratio) ? "new" : ratio == 0 ? "gone"
                : Double.isFinite(ratio) ? String.format(Locale.ROOT, "×%.3g", ratio) : UNKNOWN;
        return amount + " " + times;
    }

    /** A p- or q-value: two decimals down to 0.01, then one significant digit in e-notation ({@code 2e-31}). */
    public static String probability(double p) {
        if (!Double.isFinite(p)) {
            return UNKNOWN;
        }
        if (p == 0 || p >= 0.01) {
            return String.format(Locale.ROOT, "%.2f", p);
        }
        return String.format(Locale.ROOT, "%.0e", p).replace("e-0", "e-");
    }

    /** A false discovery rate as a percentage, e.g. {@code 5%}. */
    static String rate(double fraction) {
        if (!Double.isFinite(fraction)) {
            return UNKNOWN;
        }
        return brief(fraction * 100) + "%";
    }

    /** A number to three significant digits without trailing zeros, e.g. {@code 0.5} or {@code 20}. */
    static String brief(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A count with thousands separators, e.g. {@code 21,480}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A sample count with its noun, e.g. {@code 1 sample} or {@code 1,325 samples}. */
    static String samples(long n) {
        return count(n) + (n == 1 ? " sample" : " samples");
    }

    /** A share as percentage points without sign or unit: one decimal from one point up, two below (so small but
     * significant changes do not read as 0.0). */
    static String points(double share) {
        if (!Double.isFinite(share)) {
            return UNKNOWN;
        }
        double pp = share * 100;
        return String.format(Locale.ROOT, Math.abs(pp) >= 1 || pp == 0 ? "%.1f" : "%.2f", pp);
    }
}
