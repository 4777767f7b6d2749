package dev.profgate.report;

import dev.profgate.base.Names;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code flamegraph.html}: one self-contained page (no network: its Content-Security-Policy allows only its own
 * script, by hash) drawing the differential flame graph on a canvas. The template and script are resources with
 * markers; the data is {@link FlameJson}, gzip-compressed and in base64 (a fraction of the size, and no character of
 * it can end the element it sits in), in a script element the browser does not run.
 *
 * <p>The page keeps its view in the URL's fragment, {@code #f=FUNCTION&z=FRAME&s=SEARCH&w=base&v=sandwich}, each
 * part optional and form-encoded: {@code f} the selected function (its name as the page prints it), {@code z} the
 * zoomed frame (its position in the page's frame order, 0 the root), {@code s} the search text, {@code w=base}
 * base widths (head widths otherwise), {@code v=sandwich} the callers and callees of {@code f}. A fragment with
 * {@code f} and no {@code z} opens on that function: its finding's frame, else its widest ({@link #fragment}).
 */
public final class FlameGraphHtml {
    private static final String TEMPLATE = resource("flamegraph.html");
    private static final String SCRIPT = compact(resource("flamegraph.js"));
    private static final String PAGE = TEMPLATE.replace("/*script-hash*/", "sha256-" + sha256(SCRIPT))
            .replace("/*script*/", SCRIPT);
    private static final String DATA_MARKER = "/*data*/";

    private FlameGraphHtml() {
    }

    /** The page for {@code data}: its comparison, with the frames its rule hits flag marked. */
    public static String render(ReportData data) {
        int at = PAGE.indexOf(DATA_MARKER);
        return PAGE.substring(0, at) + compressed(data) + PAGE.substring(at + DATA_MARKER.length());
    }

    /**
     * The fragment that opens the page on {@code function} (its finding's frame, else its widest frame, outlined and
     * selected in the table): {@code #f=} and the name, made printable as the page shows it and percent-encoded
     * (spaces as {@code %20}), so it is safe to append to the page's address in Markdown or HTML.
     */
    public static String fragment(String function) {
        return "#f=" + URLEncoder.encode(Names.printable(function), StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A");
    }

    /**
     * The page's data ({@link FlameJson}) gzip-compressed as it is written, in base64. Deflate's fastest level: on the
     * 2 MB of data of large.cpu.pb.gz it takes 20 ms instead of the default level's 90 ms, the longest task of the
     * report folder, for a page a quarter larger (BENCHMARKS.md).
     */
    static String compressed(ReportData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            FlameJson.write(data, new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** {@code script} without indentation and comment lines (a fifth smaller; its line breaks, so its meaning, kept). */
    static String compact(String script) {
        return script.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//"))
                .collect(Collectors.joining("\n"));
    }

    private static String resource(String name) {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
