package dev.profgate.examples.payments;

/** A parsed payment request: an amount in minor units charged to a card and credited to an account. */
public record PaymentRequest(String id, String account, String card, long amountCents, String currency) {
}
