package dev.profgate.examples.payments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic synthetic payment requests: mostly valid cards of three issuers, some with bad checksums. */
public final class RequestGenerator {
    private static final String[] PREFIXES = {"4", "4", "51", "55", "34", "37"};
    private static final int[] LENGTHS = {16, 13, 16, 16, 15, 15};
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF"};

    private RequestGenerator() {
    }

    /** {@code count} JSON payment bodies drawn from {@code random}. */
    public static List<String> requests(Random random, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add("{\"id\":\"pay-" + (100000 + i) + "\",\"account\":\"acct-" + random.nextInt(64)
                    + "\",\"card\":\"" + card(random) + "\",\"amount\":" + (100 + random.nextInt(500000))
                    + ",\"currency\":\"" + CURRENCIES[random.nextInt(CURRENCIES.length)] + "\"}");
        }
        return out;
    }

    private static String card(Random random) {
        int issuer = random.nextInt(PREFIXES.length);
        StringBuilder digits = new StringBuilder(PREFIXES[issuer]);
        while (digits.length() < LENGTHS[issuer] - 1) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        int check = checkDigit(digits);
        boolean corrupt = random.nextInt(10) == 0;
        digits.append((char) ('0' + (corrupt ? (check + 1) % 10 : check)));
        return random.nextBoolean() ? group(digits) : digits.toString();
    }

    private static int checkDigit(CharSequence payload) {
        for (int d = 0; d < 10; d++) {
            if (CardValidator.luhn(payload.toString() + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }

    private static String group(CharSequence digits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
