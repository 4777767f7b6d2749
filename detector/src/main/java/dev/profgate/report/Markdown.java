package dev.profgate.report;

import dev.profgate.base.Names;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Escaping of untrusted text for GitHub-flavoured Markdown: everything but letters, digits and a few harmless
 * punctuation marks becomes a numeric HTML entity, so a name can neither open HTML, break a table cell, start
 * emphasis, a link or a code span, nor mention anyone ({@code @} is followed by a zero-width space).
 */
public final class Markdown {
    private static final String PLAIN_PUNCTUATION = " .,:;!?/()$-+=%'";

    private Markdown() {
    }

    /** {@code text} escaped for a Markdown paragraph, table cell or {@code <pre>} block, on one line. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Names.printable(text).codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    /**
     * A link with an escaped label; characters that could end the link destination or break out of it
     * ({@code ( ) < > "}, spaces, backslashes and controls) are percent-encoded in the URL.
     */
    static String link(String label, String url) {
        StringBuilder target = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "()<>\"\\`[]".indexOf(c) >= 0) {
                target.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                target.append((char) c);
            }
        }
        return "[" + text(label) + "](" + target + ")";
    }

    /** {@code text} escaped and shown as code. */
    public static String code(String text) {
        return "<code>" + text(text) + "</code>";
    }

    private static void append(StringBuilder out, int cp) {
        if (Character.isLetterOrDigit(cp) || PLAIN_PUNCTUATION.indexOf(cp) >= 0) {
            out.appendCodePoint(cp);
        } else if (cp == '@') {
            out.append("&#64;&#8203;");
        } else {
            out.append("&#").append(cp).append(';');
        }
    }
}
