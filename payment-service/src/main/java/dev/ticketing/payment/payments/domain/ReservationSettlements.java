package dev.ticketing.payment.payments.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** How reservations were settled; the store's key on the reservation decides between a payment and a void. */
public interface ReservationSettlements {

    /**
     * Settles the reservation as paid by {@code paymentId}, in the caller's transaction.
     *
     * @return false when it was settled already (voided: the hold was released); nothing was written then
     */
    boolean settlePaid(UUID reservationId, UUID paymentId, Instant now);

    /**
     * Voids the reservation unless a payment settled it (waiting for a payment being committed right now), then
     * says how it is settled: the paying payment's id, or empty when void.
     */
    Optional<UUID> voidUnlessPaid(UUID reservationId, Instant now);
}
