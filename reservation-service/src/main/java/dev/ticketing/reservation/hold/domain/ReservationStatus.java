package dev.ticketing.reservation.hold.domain;

/**
 * HELD is the only state with a way out: to CONFIRMED (paid by its holder) or EXPIRED (not paid in time).
 * CANCELLED is part of the public contract; nothing in this service cancels yet.
 */
public enum ReservationStatus {
    HELD, CONFIRMED, EXPIRED, CANCELLED
}
