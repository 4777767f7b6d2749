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

    /**
     * {@code printable} cut to {@code width} code points by dropping its middle (an ellipsis stands for it), so that
     * both the package or receiver and the method stay readable; unchanged when it fits.
     */
    public static String elideMiddle(String printable, int width) {
        int length = width(printable);
        if (length <= width) {
            return printable;
        }
        int keep = Math.max(width - 1, 0);
        int head = (keep + 1) / 2;
        int tail = keep - head;
        return printable.substring(0, printable.offsetByCodePoints(0, head)) + "…"
                + printable.substring(printable.offsetByCodePoints(0, length - tail));
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }
}
