package dev.profgate.analysis;

/** What happened to a function between base and head. */
public enum FindingKind {
    /** Significantly more expensive in head. */
    REGRESSION,
    /** Significantly cheaper in head. */
    IMPROVEMENT,
    /** Cost moved between functions under a common caller whose total did not change. */
    SHIFT,
    /** Absent from every base replicate, significant in head. */
    NEW,
    /** Significant in base, absent from every head replicate. */
    GONE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
