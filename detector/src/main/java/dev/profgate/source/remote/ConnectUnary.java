package dev.profgate.source.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Unary calls in the Connect protocol over HTTP/1.1 with binary protobuf bodies: {@code POST /package.Service/Method},
 * {@code Content-Type: application/proto}, {@code Connect-Protocol-Version: 1}. A success is HTTP 200 with an
 * {@code application/proto} body; a failure is a non-200 status with the Connect error JSON
 * ({@code {"code": "not_found", "message": "..."}}), thrown as {@link RpcFailure}.
 */
final class ConnectUnary {
    static final String MEDIA_TYPE = "application/proto";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCaller caller;

    ConnectUnary(HttpCaller caller) {
        this.caller = caller;
    }

    /** Calls {@code procedure} ({@code /package.Service/Method}) with {@code request}; returns the response message bytes. */
    byte[] call(String procedure, String what, byte[] request) {
        Endpoint endpoint = caller.endpoint();
        HttpReply reply = caller.send(what, HttpRequest.newBuilder(endpoint.resolve(procedure))
                .header("Content-Type", MEDIA_TYPE)
                .header("Connect-Protocol-Version", "1")
                .header("Connect-Timeout-Ms", Long.toString(endpoint.readTimeout().toMillis()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)));
        if (reply.status() != 200) {
            throw failure(reply);
        }
        if (!reply.mediaType().equals(MEDIA_TYPE)) {
            throw caller.error(what, "answered with '" + reply.mediaType() + "' instead of " + MEDIA_TYPE
                    + ": is this the server's API address?");
        }
        return reply.body();
    }

    private static RpcFailure failure(HttpReply reply) {
        if (reply.mediaType().equals("application/json")) {
            try {
                JsonNode error = JSON.readTree(reply.body());
                if (error != null && error.path("code").isTextual()) {
                    return new RpcFailure(reply.status(), error.path("code").asText(),
                            error.path("message").asText(""));
                }
            } catch (IOException e) {
                // not Connect's error JSON: reported as a plain HTTP error below
            }
        }
        return new RpcFailure(reply.status(), "", reply.bodyLine(200));
    }
}
