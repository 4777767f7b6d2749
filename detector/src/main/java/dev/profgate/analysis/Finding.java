package dev.profgate.analysis;

import java.util.List;

/**
 * One statistically tested change of one function. Shares are fractions of the replicate total (0..1),
 * pooled per side; {@code delta = head - base}; {@code ci} is the 95% interval of delta; {@code effect} is the change
 * relative to the code that did not change, which is tested and gated. {@code pValue}/{@code qValue}
 * come from the primary dispersion-shrunk count test, {@code welchP}/{@code mannWhitneyP} are the replicate-level
 * cross-checks (NaN when not computable). {@code callPath} runs from the root to {@code function}.
 */
public record Finding(String function, FindingKind kind, Metric metric, double base, double head, double delta,
                      Interval ci, Effect effect, double pValue, double qValue, double welchP, double mannWhitneyP,
                      SourceRef source, List<String> callPath, Verdict severity) {
    public Finding {
        callPath = List.copyOf(callPath);
    }

    /** Which per-function value a finding compares. */
    public enum Metric {
        SELF_SHARE("self"), TOTAL_SHARE("total");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
