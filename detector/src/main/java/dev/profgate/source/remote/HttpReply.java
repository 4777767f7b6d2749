package dev.profgate.source.remote;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One HTTP answer: status, media type (lower case, without parameters; empty when absent), headers and body. */
record HttpReply(int status, String mediaType, HttpHeaders headers, byte[] body) {
    static HttpReply of(int status, HttpHeaders headers, byte[] body) {
        String media = headers.firstValue("Content-Type").map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        return new HttpReply(status, media, headers, body);
    }

    /** The body as one printable line of at most {@code max} characters, for error messages. */
    String bodyLine(int max) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    boolean retryable() {
        return status == 429 || status >= 500;
    }
}
