package dev.profgate.source.remote;

import dev.profgate.base.BadInputException;
import dev.profgate.net.Network;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach a profiling backend: its base URL, credentials, tenant ({@code X-Scope-OrgID}, empty for
 * none), connect and read timeouts, how many attempts a request gets (retried on connection errors, timeouts, 429
 * and 5xx answers only), the first pause between attempts (doubled each time), and the network settings (CA bundle,
 * proxies, response size limit).
 */
public record Endpoint(URI base, Credentials credentials, String tenant, Duration connectTimeout,
                       Duration readTimeout, int attempts, Duration backoff, Network network) {
    public Endpoint {
        String text = base.toString();
        base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
            throw new BadInputException(text, "not an http(s) URL");
        }
        if (base.getUserInfo() != null) {
            throw new BadInputException(base.getScheme() + "://" + base.getHost(),
                    "give credentials with the token or user options, not in the URL");
        }
        if (attempts < 1) {
            throw new BadInputException(text, "attempts must be at least 1");
        }
    }

    /** {@code base} with {@code path} (starting with {@code /}) appended. */
    public URI resolve(String path) {
        return URI.create(base + path);
    }
}
