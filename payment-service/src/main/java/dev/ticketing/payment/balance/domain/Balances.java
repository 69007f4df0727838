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

    /** Adds to the balance in one statement ({@code amount = amount + ?}). */
    void add(UUID userId, long amount, Instant now);

    /**
     * Takes from the balance only if it covers the amount, in one statement.
     *
     * @return false when it does not cover it (nothing was taken)
     */
    boolean subtractIfCovered(UUID userId, long amount, Instant now);
}
