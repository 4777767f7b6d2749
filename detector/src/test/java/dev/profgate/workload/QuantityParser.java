package dev.profgate.workload;

/**
 * Parses order quantities, half of which are not numbers; the bad version lets {@link Integer#parseInt} throw and
 * catches the exception instead of checking the text first.
 */
final class QuantityParser {
    private static volatile long total;

    private QuantityParser() {
    }

    static void run(boolean bad, long deadline) {
        long n = 0;
        while (System.nanoTime() < deadline) {
            String text = (n & 1) == 0 ? Long.toString(n % 100_000) : "qty-" + n % 100_000;
            total += parseOrDefault(text, bad);
            n++;
        }
    }

    static int parseOrDefault(String text, boolean throwing) {
        if (throwing) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return isNumber(text) ? Integer.parseInt(text) : 0;
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
