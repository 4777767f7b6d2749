package dev.profgate.jenkins;

import java.util.List;

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

    /** Whether this finding made something faster or vanish: kinds {@code improvement} and {@code gone}. */
    public boolean isImprovement() {
        return "improvement".equals(kind) || "gone".equals(kind);
    }
}
