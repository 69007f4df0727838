package dev.ticketing.reservation.hold.application;

import dev.ticketing.reservation.hold.domain.ReservationId;

public class ReservationNotFound extends RuntimeException {

    public ReservationNotFound(ReservationId id) {
        super("reservation " + id + " not found");
    }
}
