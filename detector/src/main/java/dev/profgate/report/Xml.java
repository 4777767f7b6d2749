package dev.profgate.report;

/**
 * Escaping of untrusted text for XML 1.0: markup characters become entities, and characters XML 1.0 does not allow
 * at all (most C0 controls, lone surrogates, U+FFFE, U+FFFF) become U+FFFD, so any name yields a well-formed document
 * in which it is plain text.
 */
public final class Xml {
    private static final int REPLACEMENT = '\uFFFD';

    private Xml() {
    }

    /** {@code text} as element content (a carriage return as a character reference, so parsers keep it). */
    public static String text(String text) {
        return escape(text, false);
    }

    /** {@code text} as a double-quoted attribute value; tabs and line breaks are kept as character references. */
    public static String attribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\t', '\n' -> {
                    if (attribute) {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
                default -> out.appendCodePoint(isAllowed(cp) ? cp : REPLACEMENT);
            }
        });
        return out.toString();
    }

    /** XML 1.0's Char production (tab, line feed and carriage return are handled before). */
    private static boolean isAllowed(int cp) {
        return cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
