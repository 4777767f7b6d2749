package dev.profgate.report;

/** Escapes text for XML content and attribute values (SVG, JUnit XML): the five predefined entities. */
final class Xml {
    private Xml() {
    }

    /** {@code text} with {@code & < > " '} as entities; pass it through {@link Names#printable} first. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
