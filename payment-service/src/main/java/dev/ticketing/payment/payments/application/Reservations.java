package dev.ticketing.payment.payments.application;

import java.util.Optional;
import java.util.UUID;

import dev.ticketing.payment.payments.domain.Reservation;

/** Reservations as reservation-service reports them right now. */
public interface Reservations {

    /**
     * @return empty when reservation-service says there is no such reservation
     * @throws ReservationServiceUnavailable when it cannot say (down, slow, circuit open, broken answer)
     */
    Optional<Reservation> find(UUID reservationId);
}
