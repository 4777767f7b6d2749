package dev.profgate.examples.payments;

import java.util.Locale;

/** Which version of the service runs: the base, or the base with exactly one performance regression. */
public enum Variant {
    /** The intended code: regex and formatter built once, the ledger lock held only to record. */
    BASE,
    /** {@link CardValidator} compiles its card-number regex on every call. */
    REGEX_PER_CALL,
    /** {@link ResponseRenderer} builds its timestamp formatter on every call. */
    FORMATTER_PER_CALL,
    /** {@link PaymentHandler} holds the ledger lock across the whole request. */
    LOCK_HELD;

    /** The system property that selects the variant at startup. */
    public static final String PROPERTY = "payments.variant";

    /** The variant named by {@code -Dpayments.variant=base|regex-per-call|formatter-per-call|lock-held}, default base. */
    public static Variant fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, "base"));
    }

    /** The variant with this command-line name (such as {@code regex-per-call}). */
    public static Variant parse(String name) {
        for (Variant v : values()) {
            if (v.cliName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown " + PROPERTY + " '" + name + "'");
    }

    /** The command-line name: lower case with dashes. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
