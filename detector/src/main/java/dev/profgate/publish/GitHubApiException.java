package dev.profgate.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/**
 * A GitHub API call that failed: the call ({@code POST /repos/o/r/check-runs}) and what it was for, the HTTP status
 * (-1 when no response came), GitHub's own message, and whether it was a rate limit. Its message never contains the
 * token (it is redacted when the exception is made).
 */
public final class GitHubApiException extends RuntimeException {
    private static final int MAX_DETAIL = 300;
    /** A call that opens, edits or closes an issue (not a pull request's comment). */
    private static final Pattern ISSUE_CALL = Pattern.compile("(POST|PATCH) /repos/[^/]+/[^/]+/issues(/\\d+)? ");
    private final String call;
    private final boolean write;
    private final int status;
    private final boolean rateLimited;
    private final String detail;

    private GitHubApiException(String call, boolean write, int status, boolean rateLimited, String detail) {
        super(call + ": " + describe(status, rateLimited, detail));
        this.call = call;
        this.write = write;
        this.status = status;
        this.rateLimited = rateLimited;
        this.detail = detail;
    }

    /** The failure of {@code call} (a write when it is not a GET) from what github-api threw. */
    static GitHubApiException of(String call, IOException e, GitHubToken token) {
        int status = status(e);
        Map<String, List<String>> headers = headers(e);
        String detail = token.redact(detail(e, status));
        boolean rateLimited = status == 429 || status == 403 && (header(headers, "X-RateLimit-Remaining").equals("0")
                || !header(headers, "Retry-After").isEmpty() || detail.toLowerCase(java.util.Locale.ROOT).contains("rate limit"));
        String reset = header(headers, "X-RateLimit-Reset");
        if (rateLimited && reset.matches("\\d+")) {
            detail = detail + " (the limit resets at " + Instant.ofEpochSecond(Long.parseLong(reset)) + ")";
        }
        return new GitHubApiException(token.redact(call), !call.startsWith("GET "), status, rateLimited, detail);
    }

    /** A write refused with 403 that is not a rate limit: a read-only token (a pull request from a fork). */
    boolean readOnlyToken() {
        return write && status == 403 && !rateLimited;
    }

    /** The one-line user error: {@code GitHub API <call>: <status and message>. <what to check>}. */
    public BadInputException toUserError() {
        return new BadInputException("GitHub API " + call, describe(status, rateLimited, detail) + hint());
    }

    private String hint() {
        if (rateLimited) {
            return "; rate limit exceeded, run again later";
        }
        return switch (status) {
            case -1 -> "; check GITHUB_API_URL and the network";
            case 401 -> "; the token is missing, invalid or expired";
            case 403 -> ISSUE_CALL.matcher(call).lookingAt() ? "; the token lacks the permission (issues: write)"
                    : "; the token lacks the permission (pull-requests: write, checks: write)";
            case 404 -> "; check GITHUB_REPOSITORY, the pull request and that the token can read the repository";
            case 422 -> "; GitHub refused the request's content";
            default -> status >= 500 ? "; GitHub failed, run the job again" : "";
        };
    }

    private static String describe(int status, boolean rateLimited, String detail) {
        String head = status < 0 ? "no response" : "HTTP " + status + (rateLimited ? " rate limited" : "");
        return detail.isEmpty() ? head : head + ": " + detail;
    }

    private static int status(IOException e) {
        if (e instanceof HttpException http && http.getResponseCode() > 0) {
            return http.getResponseCode();
        }
        return e instanceof GHFileNotFoundException || e instanceof FileNotFoundException ? 404 : -1;
    }

    private static String detail(IOException e, int status) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        int json = text.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode body = new ObjectMapper().readTree(text.substring(json));
                return oneLine(body.path("message").asText("") + errors(body.path("errors")));
            } catch (IOException notJson) {
                return oneLine(text);
            }
        }
        return status < 0 ? oneLine(transportFailure(e)) : oneLine(text);
    }

    /** Why no response arrived: the innermost cause (a timeout, a refused TLS handshake, a refused connection). */
    private static String transportFailure(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof HttpTimeoutException ? "timed out"
                : root instanceof SSLException || root instanceof GeneralSecurityException
                ? "TLS handshake failed (is the server's CA in PROFGATE_CA_BUNDLE?)"
                : root.getClass().getSimpleName();
        return what + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String errors(JsonNode errors) {
        StringBuilder out = new StringBuilder();
        for (JsonNode error : errors) {
            String message = error.path("message").asText(error.path("field").asText("") + " "
                    + error.path("code").asText(""));
            out.append(out.length() == 0 ? " (" : "; ").append(message.trim());
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "…";
    }

    /**
     * The response headers of a failure, or null when no response arrived (a timeout, a refused TLS handshake):
     * github-api then throws a NullPointerException from {@code getResponseHeaderFields} (it wraps a null map).
     */
    private static Map<String, List<String>> fields(GHIOException e) {
        try {
            return e.getResponseHeaderFields();
        } catch (NullPointerException noResponse) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Map<String, List<String>> fields = t instanceof GHIOException io ? fields(io)
                    : t instanceof GHFileNotFoundException nf ? nf.getResponseHeaderFields() : null;
            if (fields != null && !fields.isEmpty()) {
                return fields;
            }
        }
        return Map.of();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> name.equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream()).findFirst().orElse("");
    }
}
