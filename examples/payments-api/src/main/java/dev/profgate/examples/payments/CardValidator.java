package dev.profgate.examples.payments;

import java.util.regex.Pattern;

/** Checks a card number: known issuer prefix and length (a regex), then the Luhn checksum. */
public final class CardValidator {
    /** Visa, Mastercard and American Express numbers, digits only. */
    static final String CARD_REGEX = "^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|3[47][0-9]{13})$";
    private static final Pattern CARD_PATTERN = Pattern.compile(CARD_REGEX);

    private final Variant variant;

    public CardValidator(Variant variant) {
        this.variant = variant;
    }

    /** True when {@code card} (digits, optionally grouped by spaces or dashes) is a plausible, checksum-valid number. */
    public boolean isValid(String card) {
        String digits = stripSeparators(card);
        Pattern pattern = variant == Variant.REGEX_PER_CALL ? Pattern.compile(CARD_REGEX) : CARD_PATTERN;
        return pattern.matcher(digits).matches() && luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String stripSeparators(String card) {
        StringBuilder digits = new StringBuilder(card.length());
        for (int i = 0; i < card.length(); i++) {
            char c = card.charAt(i);
            if (c != ' ' && c != '-') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
