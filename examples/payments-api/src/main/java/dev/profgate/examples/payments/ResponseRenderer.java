package dev.profgate.examples.payments;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders the JSON response of a payment: status, new balance and a timestamp. */
public final class ResponseRenderer {
    static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN)
            .withZone(ZoneOffset.UTC);

    private final Variant variant;

    public ResponseRenderer(Variant variant) {
        this.variant = variant;
    }

    /** The response body; {@code balanceCents} is ignored when the payment was declined. */
    public String render(PaymentRequest request, boolean approved, long balanceCents, Instant at) {
        DateTimeFormatter timestamp = variant == Variant.FORMATTER_PER_CALL
                ? DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC) : TIMESTAMP;
        StringBuilder out = new StringBuilder(128)
                .append("{\"id\":\"").append(request.id())
                .append("\",\"status\":\"").append(approved ? "approved" : "declined").append('"');
        if (approved) {
            out.append(",\"balance\":\"");
            appendMoney(out, balanceCents).append(' ').append(request.currency()).append('"');
        }
        return out.append(",\"at\":\"").append(timestamp.format(at)).append("\"}").toString();
    }

    private static StringBuilder appendMoney(StringBuilder out, long cents) {
        long fraction = cents % 100;
        return out.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    }
}
