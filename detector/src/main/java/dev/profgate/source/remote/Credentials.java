package dev.profgate.source.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How profgate authenticates to a profiling backend: a bearer token, or a user and password (HTTP basic, as Grafana
 * Cloud uses with the stack's user id), or nothing. The secrets never appear in {@link #toString()}.
 */
public record Credentials(String token, String user, String password) {
    /** No authentication. */
    public static final Credentials NONE = new Credentials(null, null, null);

    /** The value of the {@code Authorization} header, or null without credentials. */
    public String authorization() {
        if (token != null && !token.isEmpty()) {
            return "Bearer " + token;
        }
        String basic = basic();
        return basic == null ? null : "Basic " + basic;
    }

    /** {@code text} (a server's error message, say) with each secret of these credentials, also in base64, replaced. */
    public String redact(String text) {
        String result = text;
        for (String secret : new String[] {basic(), token, password}) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, "[redacted]");
            }
        }
        return result;
    }

    /** {@code user:password} in base64 when a user is set, else null. */
    private String basic() {
        if (token != null && !token.isEmpty() || user == null || user.isEmpty()) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The kind of authentication, never the secret: {@code bearer token}, {@code basic auth as USER} or {@code none}. */
    @Override
    public String toString() {
        if (token != null && !token.isEmpty()) {
            return "bearer token";
        }
        return user != null && !user.isEmpty() ? "basic auth as " + user : "none";
    }
}
