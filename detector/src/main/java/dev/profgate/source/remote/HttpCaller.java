package dev.profgate.source.remote;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Version;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Sends requests to one {@link Endpoint} over HTTP/1.1 with its credentials and tenant header, its connect and read
 * timeouts, and retries with exponential backoff on connection errors, timeouts, 429 and 5xx answers only, through the
 * endpoint's network settings (CA bundle, proxies). Redirects are not followed, so credentials never go to another
 * host; a body larger than the network's limit is refused while it is read. Errors name the server and the request,
 * never a secret.
 */
final class HttpCaller {
    private final Endpoint endpoint;
    private final String server;
    private final HttpClient client;

    HttpCaller(String system, Endpoint endpoint) {
        this.endpoint = endpoint;
        this.server = system + " " + endpoint.base();
        this.client = endpoint.network().client(endpoint.connectTimeout()).build();
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** The server as errors name it, e.g. {@code pyroscope http://host:4040}. */
    String server() {
        return server;
    }

    /** The error for {@code what} (a request description) failing with {@code problem}, secrets removed. */
    BadInputException error(String what, String problem) {
        return new BadInputException(server + " " + what, endpoint.credentials().redact(problem));
    }

    /** Sends the request built by {@code request} (its URI and method set); {@code what} names it in errors. */
    HttpReply send(String what, HttpRequest.Builder request) {
        request.timeout(endpoint.readTimeout()).header("User-Agent", "profgate/" + Version.NUMBER);
        String authorization = endpoint.credentials().authorization();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (!endpoint.tenant().isEmpty()) {
            request.header("X-Scope-OrgID", endpoint.tenant());
        }
        HttpRequest built = request.build();
        String failure = null;
        for (int attempt = 1; attempt <= endpoint.attempts(); attempt++) {
            try {
                HttpResponse<InputStream> response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
                HttpReply reply = HttpReply.of(response.statusCode(), response.headers(), body(what, response));
                if (!reply.retryable() || attempt == endpoint.attempts()) {
                    return reply;
                }
            } catch (HttpConnectTimeoutException e) {
                failure = "cannot connect within " + seconds(endpoint.connectTimeout().toMillis());
            } catch (HttpTimeoutException e) {
                failure = "no answer within " + seconds(endpoint.readTimeout().toMillis());
            } catch (ConnectException e) {
                failure = "cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
            } catch (IOException e) {
                failure = "connection failed (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error(what, "interrupted");
            }
            pause(what, attempt);
        }
        throw error(what, failure + " after " + endpoint.attempts()
                + (endpoint.attempts() == 1 ? " attempt" : " attempts"));
    }

    /** The whole body, or the error when it is larger than the network's limit (the rest is never read). */
    private byte[] body(String what, HttpResponse<InputStream> response) throws IOException {
        long limit = endpoint.network().maxResponseBytes();
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw endpoint.network().tooLarge(server + " " + what);
            }
            return body;
        }
    }

    private void pause(String what, int attempt) {
        if (attempt == endpoint.attempts()) {
            return;
        }
        long millis = endpoint.backoff().toMillis() << Math.min(attempt - 1, 10);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error(what, "interrupted");
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
