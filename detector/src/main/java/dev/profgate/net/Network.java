package dev.profgate.net;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How profgate's HTTP clients (GitHub, Pyroscope, Parca) reach servers: the CA bundle trusted instead of the JDK's
 * ({@code PROFGATE_CA_BUNDLE}, a PEM file; null: the JDK's trust store; TLS is always verified), the proxies of the
 * standard environment variables, the largest response body accepted, and the read timeout of clients whose command
 * has no timeout option of its own ({@code PROFGATE_HTTP_TIMEOUT}, e.g. {@code 30s}; default 60 s: GitHub).
 */
public record Network(Path caBundle, EnvironmentProxy proxy, long maxResponseBytes, Duration readTimeout) {
    /** The environment variable naming a PEM CA bundle. */
    public static final String CA_BUNDLE = "PROFGATE_CA_BUNDLE";
    /** The environment variable with the default read timeout. */
    public static final String TIMEOUT = "PROFGATE_HTTP_TIMEOUT";
    /**
     * 256 MiB: a merged Pyroscope profile of a large service over a week is tens of MB; a body larger than this is a
     * misdirected request or a hostile server, and is refused before it fills the heap.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L << 20;

    /** The network settings of {@code env} (the process environment in production). */
    public static Network of(Map<String, String> env) {
        String bundle = env.get(CA_BUNDLE);
        String timeout = env.get(TIMEOUT);
        return new Network(bundle == null || bundle.isBlank() ? null : Path.of(bundle), EnvironmentProxy.of(env),
                DEFAULT_MAX_RESPONSE_BYTES, timeout == null || timeout.isBlank() ? Duration.ofSeconds(60)
                : DurationText.parse(timeout.trim(), TIMEOUT));
    }

    /** The settings of this process's environment. */
    public static Network fromEnvironment() {
        return of(System.getenv());
    }

    /**
     * A client builder with these settings: HTTP/1.1, {@code connectTimeout}, no redirects followed (credentials never
     * travel to another host), the proxies, and TLS verified against the CA bundle when one is set.
     */
    public HttpClient.Builder client(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).proxy(proxy);
        if (caBundle != null) {
            builder.sslContext(CaBundle.sslContext(caBundle));
        }
        return builder;
    }

    /** The error for a response body larger than {@link #maxResponseBytes}. */
    public BadInputException tooLarge(String what) {
        return new BadInputException(what, "response larger than " + maxResponseBytes + " bytes (the limit of "
                + "profgate's HTTP clients)");
    }
}
