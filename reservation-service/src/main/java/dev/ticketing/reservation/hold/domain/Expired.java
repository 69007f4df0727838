package dev.ticketing.reservation.hold.domain;

import dev.ticketing.events.HoldExpired;

/** A hold that ran out, and the event that releases its seat. */
public record Expired(Reservation reservation, HoldExpired event) {
}
