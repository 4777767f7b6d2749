package dev.profgate.top;

/** Whether calls into a function were inlined, as pprof marks rows of its {@code -top} table. */
public enum Inlining {
    NONE(""), PARTIAL("(partial-inline)"), FULL("(inline)");

    private final String pprofLabel;

    Inlining(String pprofLabel) {
        this.pprofLabel = pprofLabel;
    }

    /** The marker pprof prints after the function name, empty for {@link #NONE}. */
    public String pprofLabel() {
        return pprofLabel;
    }
}
