package dev.profgate.analysis;

/** The gate's answer: pass, warn (passes, but worth a look) or fail. */
public enum Verdict {
    PASS, WARN, FAIL;

    /** The worse of this verdict and {@code other}. */
    public Verdict worse(Verdict other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** The lower-case name used in reports and outputs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
