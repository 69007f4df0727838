package dev.ticketing.concert.catalog.domain;

import java.time.LocalDate;

/** The concert exists but does not play on this date. */
public class DateNotFound extends RuntimeException {

    public DateNotFound(ConcertId concert, LocalDate date) {
        super("concert " + concert + " has no date " + date, null, false, false);
    }
}
