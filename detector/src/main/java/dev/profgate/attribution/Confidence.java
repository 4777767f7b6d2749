package dev.profgate.attribution;

import java.util.Locale;

/** How strongly a change is tied to a finding, strongest first. */
public enum Confidence {
    /** The change wrote lines of the culprit function's body. */
    HIGH,
    /** The change edited the function's body without leaving lines in it, or its file when the body was not found. */
    MEDIUM,
    /** The change only touched the culprit's file outside the function, or a file of a caller on the path. */
    LOW;

    /** {@code high}, {@code medium} or {@code low}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
