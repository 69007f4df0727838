package dev.ticketing.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of {@value Topics#RESERVATION_EVENTS}. Keyed by the seat ({@code scheduleId:seatNumber}),
 * not by reservation: a seat's hold, expiry and sale land on one partition, so a consumer never sees
 * a seat sold before the hold it replaced was released.
 */
public sealed interface ReservationEvent extends DomainEvent
        permits ReservationHeld, HoldExpired, ReservationConfirmed, ReservationRejected {

    UUID reservationId();

    UUID userId();

    UUID concertId();

    /** The concert date's id (the "schedule"); with the seat number it names one seat. */
    long scheduleId();

    LocalDate date();

    int seatNumber();

    @Override
    default String topic() {
        return Topics.RESERVATION_EVENTS;
    }

    @Override
    default String key() {
        return scheduleId() + ":" + seatNumber();
    }

    @Override
    default String aggregateId() {
        return reservationId().toString();
    }
}
