package dev.ticketing.payment.payments.domain;

/** A reservation's state as reservation-service reports it. */
public enum ReservationStatus {
    HELD, CONFIRMED, EXPIRED, CANCELLED
}
