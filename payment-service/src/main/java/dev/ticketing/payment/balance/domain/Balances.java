package dev.ticketing.payment.balance.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Where balances live. Changes are relative and atomic in the store; {@link #lock} serializes the changes of
 * one user so that the domain decides on the value the change is applied to.
 */
public interface Balances {

    /** The committed balance, zero for a user who never charged. Takes no lock. */
    Balance of(UUID userId);

    /**
     * The balance with its row locked until the transaction ends, created at zero when missing. Needs a
     * transaction.
     */
    Balance lock(UUID userId, Instant now);

    /**
     * The balance with its row locked until the transaction ends, in one statement; zero, and nothing locked, for a
     * user who never charged (nothing can be taken from it). Needs a transaction.
     */
    Balance lockExisting(UUID userId);

    /** Adds to the balance in one statement ({@code amount = amount + ?}). */
    void add(UUID userId, long amount, Instant now);

    /**
     * Adds to the balance, creating the row at the amount for a user who never charged, and leaves the row locked
     * until the transaction ends: the balance after, in two statements where {@link #lock} then {@link #add} take
     * three. The caller has had the domain check the amount. Needs a transaction.
     */
    Balance credit(UUID userId, long amount, Instant now);

    /**
     * Takes from the balance in one statement ({@code amount = amount - ?}). The caller has the row locked and
     * has had the domain decide that the balance covers it; the table's CHECK refuses a negative balance anyway.
     */
    void subtract(UUID userId, long amount, Instant now);
}
