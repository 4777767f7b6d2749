package dev.profgate.source.remote;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Unary calls in the gRPC-Web protocol over HTTP/1.1 with binary protobuf ({@code application/grpc-web+proto}),
 * as Parca's server answers them next to native gRPC: the message travels in a frame of one flag byte and a 4-byte
 * big-endian length; the answer is data frames then a trailer frame (flag {@code 0x80}) of header lines carrying
 * {@code grpc-status} and {@code grpc-message}. A non-zero status is thrown as {@link RpcFailure}.
 */
final class GrpcWebUnary {
    static final String MEDIA_TYPE = "application/grpc-web+proto";
    private static final int TRAILER_FLAG = 0x80;
    private static final String[] CODES = {"ok", "canceled", "unknown", "invalid_argument", "deadline_exceeded",
        "not_found", "already_exists", "permission_denied", "resource_exhausted", "failed_precondition", "aborted",
        "out_of_range", "unimplemented", "internal", "unavailable", "data_loss", "unauthenticated"};

    private final HttpCaller caller;

    GrpcWebUnary(HttpCaller caller) {
        this.caller = caller;
    }

    /** Calls {@code procedure} ({@code /package.Service/Method}) with {@code request}; returns the response message bytes. */
    byte[] call(String procedure, String what, byte[] request) {
        HttpReply reply = caller.send(what, HttpRequest.newBuilder(caller.endpoint().resolve(procedure))
                .header("Content-Type", MEDIA_TYPE)
                .header("Accept", MEDIA_TYPE)
                .header("X-Grpc-Web", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame(request))));
        if (reply.status() != 200) {
            throw new RpcFailure(reply.status(), "", reply.bodyLine(200));
        }
        if (!reply.mediaType().startsWith("application/grpc-web")) {
            throw caller.error(what, "answered with '" + reply.mediaType() + "' instead of " + MEDIA_TYPE
                    + ": is this the server's API address?");
        }
        return message(reply, what);
    }

    static byte[] frame(byte[] message) {
        return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
    }

    /** The first data frame's message; the status comes from the trailer frame, else from the headers (trailers-only). */
    private byte[] message(HttpReply reply, String what) {
        ByteBuffer in = ByteBuffer.wrap(reply.body());
        byte[] message = null;
        String status = reply.headers().firstValue("grpc-status").orElse(null);
        String text = reply.headers().firstValue("grpc-message")
                .map(m -> URLDecoder.decode(m, StandardCharsets.UTF_8)).orElse("");
        while (in.remaining() > 0) {
            if (in.remaining() < 5) {
                throw caller.error(what, "truncated gRPC-Web answer (a frame header is cut off)");
            }
            int flag = in.get() & 0xff;
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw caller.error(what, "truncated gRPC-Web answer (a frame of " + Integer.toUnsignedString(length)
                        + " bytes has only " + in.remaining() + ")");
            }
            byte[] payload = new byte[length];
            in.get(payload);
            if ((flag & TRAILER_FLAG) == 0) {
                message = message == null ? payload : message;
                continue;
            }
            for (String line : new String(payload, StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                status = name.equals("grpc-status") ? value : status;
                text = name.equals("grpc-message") ? URLDecoder.decode(value, StandardCharsets.UTF_8) : text;
            }
        }
        if (status == null) {
            throw caller.error(what, "truncated gRPC-Web answer (no grpc-status trailer)");
        }
        if (!status.equals("0")) {
            throw new RpcFailure(200, code(status), text);
        }
        return message == null ? new byte[0] : message;
    }

    private static String code(String status) {
        try {
            int code = Integer.parseInt(status);
            return code >= 0 && code < CODES.length ? CODES[code] : "code " + status;
        } catch (NumberFormatException e) {
            return "code " + status;
        }
    }
}
