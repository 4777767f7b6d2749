package dev.profgate.base;

/** Makes untrusted names (function, file, type names from profiles) safe to print on one line of a terminal. */
public final class Names {
    private static final int REPLACEMENT = '\uFFFD';

    private Names() {
    }

    /**
     * {@code name} with every control, format (bidi overrides, zero-width) and line/paragraph separator character
     * replaced by U+FFFD, so a name can neither inject terminal escapes nor break or reorder a line.
     */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.appendCodePoint(isUnsafe(cp) ? REPLACEMENT : cp));
        return out.toString();
    }

    /** Display width in code points of a printable name (for column alignment). */
    public static int width(String printable) {
        return printable.codePointCount(0, printable.length());
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }
}
