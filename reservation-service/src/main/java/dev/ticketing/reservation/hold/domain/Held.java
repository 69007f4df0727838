package dev.ticketing.reservation.hold.domain;

import dev.ticketing.events.ReservationHeld;

/** A new hold and the event that announces it. */
public record Held(Reservation reservation, ReservationHeld event) {
}
