package dev.profgate.workload;

import java.util.regex.Pattern;

/** Validates card numbers (format by regex, then the Luhn checksum); the bad version compiles the regex per call. */
final class CardValidation {
    private static final String FORMAT = "\\d{4}(?:[ -]?\\d{4}){3}";
    private static final Pattern COMPILED = Pattern.compile(FORMAT);
    private static volatile int valid;

    private CardValidation() {
    }

    static void run(boolean bad, long deadline) {
        long n = 0;
        while (System.nanoTime() < deadline) {
            if (validate(card(n), bad)) {
                valid++;
            }
            n++;
        }
    }

    /** A card number like {@code 4242 0007 0013 0031} from {@code n}. */
    private static String card(long n) {
        StringBuilder card = new StringBuilder(19);
        for (long group : new long[] {4242, n % 10_000, n * 7 % 10_000, n * 13 % 10_000}) {
            if (card.length() > 0) {
                card.append(' ');
            }
            String digits = Long.toString(group);
            card.append("0000", digits.length(), 4).append(digits);
        }
        return card.toString();
    }

    static boolean validate(String card, boolean compilePerCall) {
        Pattern format = compilePerCall ? Pattern.compile(FORMAT) : COMPILED;
        return format.matcher(card).matches() && luhn(card);
    }

    private static boolean luhn(String card) {
        int sum = 0;
        boolean twice = false;
        for (int i = card.length() - 1; i >= 0; i--) {
            char c = card.charAt(i);
            if (c >= '0' && c <= '9') {
                int digit = (c - '0') * (twice ? 2 : 1);
                sum += digit > 9 ? digit - 9 : digit;
                twice = !twice;
            }
        }
        return sum % 10 == 0;
    }
}
