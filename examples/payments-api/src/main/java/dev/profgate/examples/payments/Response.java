package dev.profgate.examples.payments;

/** A response: the JSON body and its HMAC signature (sent as a header). */
public record Response(String body, String signature) {
}
