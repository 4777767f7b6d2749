package dev.profgate.jenkins;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serving an SVG inside Jenkins without giving it a way to run anything: {@link #isStatic} accepts only SVG text
 * without script, event handlers, embedded HTML or external references (profgate's flame graph and trend chart are
 * such), and {@link #HEADERS} are the response headers that keep even a hostile file inert when opened on its own
 * (a sandboxed, script-free Content-Security-Policy that allows the SVG's own inline style).
 */
public final class SafeSvg {
    /** Media type of an SVG response. */
    public static final String CONTENT_TYPE = "image/svg+xml; charset=UTF-8";
    /** Response headers of every SVG the plugin serves. */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
            "X-Content-Type-Options", "nosniff");
    private static final Pattern ACTIVE = Pattern.compile(
            "<\\s*(script|foreignobject|iframe|object|embed|use|image|a)\\b"
                    + "|\\son[a-z]+\\s*="
                    + "|(href|src)\\s*=\\s*[\"']\\s*(?!#)"
                    + "|javascript:|@import|url\\(\\s*[\"']?\\s*(?!#)");

    private SafeSvg() {
    }

    /** Whether {@code svg} is an SVG document with nothing that could run code or fetch from elsewhere. */
    public static boolean isStatic(String svg) {
        String lower = svg.toLowerCase(Locale.ROOT);
        return lower.contains("<svg") && !ACTIVE.matcher(lower).find();
    }
}
