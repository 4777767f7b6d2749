package dev.profgate.report;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A repository file path as a relative URI reference, as SARIF locations and the comment's source links carry it:
 * RFC 3986 unreserved characters, {@code /}, {@code @} and sub-delimiters kept, every other byte of its UTF-8
 * percent-encoded (a colon too: the path is never a scheme, and parentheses, so it cannot end a Markdown link).
 */
public final class PathUri {
    private static final String PLAIN = "-._~/@!$&'*+,;=";

    private PathUri() {
    }

    /** {@code path} encoded. */
    public static String of(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }
}
