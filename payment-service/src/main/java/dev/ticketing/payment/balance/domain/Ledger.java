package dev.ticketing.payment.balance.domain;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Every change of every balance, in the order it was applied: the history a fan reads. */
public interface Ledger {

    /** In the transaction that changes the balance, with its row locked, so entries follow the changes' order. */
    void append(BalanceEntry entry);

    /**
     * A user's entries, newest first.
     *
     * @param before the position of the last entry of the previous page; empty for the newest
     */
    List<Positioned> newestOf(UUID userId, OptionalLong before, int limit);

    /** An entry and where it stands in its user's history. */
    record Positioned(long position, BalanceEntry entry) {
    }
}
