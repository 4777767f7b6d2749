package dev.profgate.jenkins;

import java.util.List;
import java.util.Locale;

/**
 * One finding of a report as Jenkins shows it: the function, its kind ({@code regression}, {@code improvement},
 * {@code shift}, {@code new}, {@code gone}), its own severity, the share change {@code delta} (fraction of all
 * samples, NaN when the report has none), its q-value, its source location ({@code file} null and {@code line} 0
 * when unknown) and the ids of the catalog rules it hit.
 */
public record Finding(String function, String kind, Verdict severity, double delta, double qValue, String file,
                      int line, List<String> rules) {
    public Finding {
        rules = List.copyOf(rules);
    }

    /** Whether this finding made something slower or appear: kinds {@code regression} and {@code new}. */
    public boolean isRegression() {
        return "regression".equals(kind) || "new".equals(kind);
    }

    /** The share change in percentage points, signed ({@code +25.31 pp}), or {@code -} when unknown. */
    public String deltaText() {
        return points(delta);
    }

    /** The q-value to two significant digits ({@code 3.0e-13}, {@code 0.012}), or {@code -} when unknown. */
    public String qValueText() {
        if (Double.isNaN(qValue)) {
            return "-";
        }
        return qValue < 0.001 ? String.format(Locale.ROOT, "%.1e", qValue) : String.format(Locale.ROOT, "%.2g", qValue);
    }

    /** {@code file:line}, {@code file}, or empty when the report has no source location. */
    public String sourceText() {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line : file;
    }

    /** A share change in signed percentage points ({@code +25.31 pp}), or {@code -} when unknown (NaN). */
    static String points(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%+.2f pp", share * 100);
    }

    /** Whether this finding made something faster or vanish: kinds {@code improvement} and {@code gone}. */
    public boolean isImprovement() {
        return "improvement".equals(kind) || "gone".equals(kind);
    }
}
