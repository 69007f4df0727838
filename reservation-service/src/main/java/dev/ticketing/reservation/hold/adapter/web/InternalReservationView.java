package dev.ticketing.reservation.hold.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ticketing.reservation.hold.domain.Reservation;

/** A reservation as other services see it: with its owner, token and schedule, so payment-service can check. */
record InternalReservationView(UUID reservationId, UUID userId, UUID concertId, long scheduleId, LocalDate date,
                               int seatNumber, long price, UUID tokenId, String status, Instant expiresAt) {

    static InternalReservationView of(Reservation r) {
        return new InternalReservationView(r.id().value(), r.userId(), r.concertId(), r.scheduleId(), r.date(),
                r.seat().value(), r.price(), r.tokenId(), r.status().name(), r.expiresAt());
    }
}
