package dev.ticketing.reservation.hold.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Booking for the date has not opened yet. */
public class DateNotOpen extends RuntimeException {

    public DateNotOpen(UUID concertId, LocalDate date) {
        super("booking for concert " + concertId + " on " + date + " has not opened yet");
    }
}
