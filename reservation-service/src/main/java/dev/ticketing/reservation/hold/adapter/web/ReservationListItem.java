package dev.ticketing.reservation.hold.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ticketing.reservation.hold.application.ListingReservations;
import dev.ticketing.reservation.hold.domain.Reservation;

/** One reservation in {@code GET /api/v1/reservations}; {@code paymentId} once it was paid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReservationListItem(UUID reservationId, UUID concertId, String title, LocalDate date, int seatNumber,
                           long price, String status, Instant expiresAt, UUID paymentId) {

    static ReservationListItem of(ListingReservations.Listed listed) {
        Reservation r = listed.reservation();
        return new ReservationListItem(r.id().value(), r.concertId(), listed.title(), r.date(), r.seat().value(),
                r.price(), r.status().name(), r.expiresAt(), r.paymentId());
    }
}
