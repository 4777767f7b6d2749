package dev.profgate.examples.payments;

/** A tiny parser for the flat JSON object of a payment request (string and integer fields only). */
public final class JsonParser {
    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses {@code {"id":"..","account":"..","card":"..","amount":123,"currency":".."}}; unknown fields are skipped. */
    public static PaymentRequest parsePayment(String json) {
        return new JsonParser(json).payment();
    }

    private PaymentRequest payment() {
        String id = null;
        String account = null;
        String card = null;
        String currency = null;
        long amount = -1;
        expect('{');
        boolean more = peek() != '}';
        while (more) {
            String key = string();
            expect(':');
            switch (key) {
                case "id" -> id = string();
                case "account" -> account = string();
                case "card" -> card = string();
                case "currency" -> currency = string();
                case "amount" -> amount = integer();
                default -> skipValue();
            }
            more = peek() == ',';
            if (more) {
                pos++;
            }
        }
        expect('}');
        if (id == null || account == null || card == null || currency == null || amount < 0) {
            throw new IllegalArgumentException("payment lacks a required field");
        }
        return new PaymentRequest(id, account, card, amount, currency);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        char c;
        while ((c = rawNext()) != '"') {
            out.append(c == '\\' ? rawNext() : c);
        }
        return out.toString();
    }

    private long integer() {
        skipSpace();
        long value = 0;
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            value = value * 10 + (text.charAt(pos++) - '0');
        }
        if (pos == start) {
            throw error("a number");
        }
        return value;
    }

    private void skipValue() {
        if (peek() == '"') {
            string();
        } else {
            integer();
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("'" + c + "'");
        }
    }

    private char peek() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("more input");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private char rawNext() {
        if (pos >= text.length()) {
            throw error("a closing quote");
        }
        return text.charAt(pos++);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + pos);
    }
}
