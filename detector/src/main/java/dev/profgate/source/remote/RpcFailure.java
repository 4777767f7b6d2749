package dev.profgate.source.remote;

/**
 * An RPC that the server answered with an error: the HTTP status, the RPC code ({@code not_found},
 * {@code unauthenticated}, ..., or empty when the answer was not an RPC error, e.g. a proxy's 404 page) and the
 * server's message. {@link #describe()} is the one-line problem shown to the user.
 */
final class RpcFailure extends RuntimeException {
    private final int status;
    private final String code;

    RpcFailure(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** True when the server does not know the procedure (an older server): a route 404 or {@code unimplemented}. */
    boolean unknownProcedure() {
        return "unimplemented".equals(code) || status == 404 && code.isEmpty();
    }

    /** The problem in one line, with a hint for authentication errors. */
    String describe() {
        String hint = switch (code.isEmpty() ? String.valueOf(status) : code) {
            case "unauthenticated", "401" -> " (check the token or user and password)";
            case "permission_denied", "403" -> " (the credentials may not read this tenant)";
            default -> "";
        };
        String what = code.isEmpty() ? "HTTP " + status : code + " (HTTP " + status + ")";
        String message = getMessage();
        return what + (message == null || message.isEmpty() ? "" : ": " + message) + hint;
    }
}
