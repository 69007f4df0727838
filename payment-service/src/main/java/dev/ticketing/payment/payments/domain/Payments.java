package dev.ticketing.payment.payments.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where payments live. */
public interface Payments {

    Optional<Payment> find(UUID paymentId);

    /**
     * A user's payments, newest first.
     *
     * @param before the last payment of the previous page (its creation time and id); empty for the newest
     */
    List<Payment> newestOf(UUID userId, Optional<Position> before, int limit);

    /** Whether the reservation has a committed payment (completed or refunded). */
    boolean existsFor(UUID reservationId);

    /**
     * Adds the payment unless its reservation has one already (the store's unique key decides, also between
     * concurrent transactions).
     *
     * @return false when the reservation was paid already; nothing was added then
     */
    boolean addIfFirstFor(Payment payment);

    /** The payment with its row locked until the transaction ends. Needs a transaction. */
    Optional<Payment> lock(UUID paymentId);

    /** Stores a refund of a COMPLETED payment. */
    void saveRefund(Payment refunded);

    /** Where a payment stands in its user's list: by creation time, then id (two can share a microsecond). */
    record Position(Instant createdAt, UUID id) {
    }
}
