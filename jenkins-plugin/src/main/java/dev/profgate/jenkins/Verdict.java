package dev.profgate.jenkins;

import java.util.Locale;

/** A profgate report's verdict: pass, warn (passes, but worth a look) or fail. */
public enum Verdict {
    PASS, WARN, FAIL;

    /** The lower-case name used in report.json and returned to pipelines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict named {@code label} in {@code source}; anything else is a {@link BadReportException}. */
    static Verdict of(String label, String source) {
        for (Verdict verdict : values()) {
            if (verdict.label().equals(label)) {
                return verdict;
            }
        }
        throw new BadReportException(source, "verdict '" + label + "' is not pass, warn or fail");
    }
}
