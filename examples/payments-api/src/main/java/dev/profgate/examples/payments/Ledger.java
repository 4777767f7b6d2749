package dev.profgate.examples.payments;

import java.util.HashMap;
import java.util.Map;

/** Account balances in minor units, shared by all request threads and guarded by its own monitor. */
public final class Ledger {
    private final Map<String, Long> balances = new HashMap<>();
    private long entries;

    /** Credits {@code amountCents} to {@code account} and returns the new balance. */
    public synchronized long record(String account, long amountCents) {
        entries++;
        return balances.merge(account, amountCents, Long::sum);
    }

    /** How many payments were recorded. */
    public synchronized long entries() {
        return entries;
    }
}
