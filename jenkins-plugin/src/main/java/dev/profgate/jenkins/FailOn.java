package dev.profgate.jenkins;

import java.util.Locale;

/** From which verdict on the gate fails (the CLI's and the GitHub Action's {@code fail-on}). */
public enum FailOn {
    FAIL, WARN, NEVER;

    /** Whether a run ending in {@code verdict} fails the gate. */
    public boolean fails(Verdict verdict) {
        return switch (this) {
            case FAIL -> verdict == Verdict.FAIL;
            case WARN -> verdict != Verdict.PASS;
            case NEVER -> false;
        };
    }

    /** The lower-case name the CLI takes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code label} ({@code fail}, {@code warn} or {@code never}, any case). */
    public static FailOn of(String label) {
        for (FailOn value : values()) {
            if (value.label().equalsIgnoreCase(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("failOn is '" + label + "'; use fail, warn or never");
    }
}
