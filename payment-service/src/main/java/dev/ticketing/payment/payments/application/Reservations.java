package dev.ticketing.payment.payments.application;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Reservations as reservation-service reports them right now. */
public interface Reservations {

    /**
     * Claims the payer's hold for a payment and reads the reservation in the same call.
     *
     * @param concertId the concert of the payer's queue token: a hold of another concert is not claimed
     * @param within    how long the payment can wait for the answer and still make its transaction in time
     * @return empty when reservation-service says the payer has no such reservation
     * @throws ReservationServiceUnavailable when it cannot say (down, not within {@code within}, broken answer)
     */
    Optional<PaymentClaim> claimForPayment(UUID reservationId, UUID payerId, UUID concertId, Duration within);
}
