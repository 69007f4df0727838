package dev.ticketing.reservation.hold.application;

import java.time.LocalDate;
import java.util.UUID;

public class DateNotFound extends RuntimeException {

    public DateNotFound(UUID concertId, LocalDate date) {
        super("concert " + concertId + " has no date " + date);
    }
}
