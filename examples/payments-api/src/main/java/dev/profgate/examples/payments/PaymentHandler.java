package dev.profgate.examples.payments;

import java.time.Instant;

/** Handles one payment request: parse, validate the card, record in the ledger, render and sign the response. */
public final class PaymentHandler {
    private final Variant variant;
    private final Ledger ledger;
    private final CardValidator validator;
    private final ResponseRenderer renderer;
    private final ResponseSigner signer;

    public PaymentHandler(Variant variant, Ledger ledger, ResponseSigner signer) {
        this.variant = variant;
        this.ledger = ledger;
        this.validator = new CardValidator(variant);
        this.renderer = new ResponseRenderer(variant);
        this.signer = signer;
    }

    /** The signed JSON response to the JSON payment {@code body}. */
    public Response handle(String body) {
        if (variant == Variant.LOCK_HELD) {
            synchronized (ledger) {
                return process(body);
            }
        }
        return process(body);
    }

    private Response process(String body) {
        PaymentRequest request = JsonParser.parsePayment(body);
        boolean approved = validator.isValid(request.card());
        long balance = approved ? ledger.record(request.account(), request.amountCents()) : 0;
        String response = renderer.render(request, approved, balance, Instant.now());
        return new Response(response, signer.sign(response));
    }
}
