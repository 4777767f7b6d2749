package dev.profgate.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * {@code flamegraph.html}: one self-contained page (no network: its Content-Security-Policy allows only its own
 * script, by hash) drawing the differential flame graph on a canvas. The template and script are resources with
 * markers; the data is {@link FlameJson}, gzip-compressed and in base64 (a fraction of the size, and no character of
 * it can end the element it sits in), in a script element the browser does not run.
 */
public final class FlameGraphHtml {
    private static final String TEMPLATE = resource("flamegraph.html");
    private static final String SCRIPT = resource("flamegraph.js");
    private static final String PAGE = TEMPLATE.replace("/*script-hash*/", "sha256-" + sha256(SCRIPT))
            .replace("/*script*/", SCRIPT);
    private static final String DATA_MARKER = "/*data*/";

    private FlameGraphHtml() {
    }

    /** The page for {@code data}: its comparison, with the frames its rule hits flag marked. */
    public static String render(ReportData data) {
        int at = PAGE.indexOf(DATA_MARKER);
        return PAGE.substring(0, at) + compressed(FlameJson.render(data))
                + PAGE.substring(at + DATA_MARKER.length());
    }

    /** {@code json} gzip-compressed, in base64. */
    static String compressed(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
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
