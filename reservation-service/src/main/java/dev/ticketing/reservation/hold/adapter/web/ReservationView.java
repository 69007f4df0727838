package dev.ticketing.reservation.hold.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ticketing.reservation.hold.domain.Reservation;

/** A reservation as its owner sees it (DESIGN.md section 4). */
record ReservationView(UUID reservationId, UUID concertId, LocalDate date, int seatNumber, long price,
                       String status, Instant expiresAt) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id().value(), r.concertId(), r.date(), r.seat().value(), r.price(),
                r.status().name(), r.expiresAt());
    }
}
