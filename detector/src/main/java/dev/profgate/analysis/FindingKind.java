package dev.profgate.analysis;

/** What happened to a function between base and head. */
public enum FindingKind {
    /** Significantly more expensive in head. */
    REGRESSION,
    /** Significantly cheaper in head. */
    IMPROVEMENT,
    /** Absent from every base replicate, significant in head. */
    NEW,
    /** Significant in base, absent from every head replicate. */
    GONE,
    /**
     * Cost moved, not added or removed: between functions under a caller whose total did not change, or onto or off
     * a frame that an inlining decision made or removed. Never fails the gate.
     */
    SHIFT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
