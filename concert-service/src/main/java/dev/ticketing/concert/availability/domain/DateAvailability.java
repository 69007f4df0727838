package dev.ticketing.concert.availability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import dev.ticketing.concert.catalog.domain.ScheduleId;

/**
 * One date of a concert with how many of its seats are available.
 *
 * @param bookingOpensAt from when fans may book this date
 */
public record DateAvailability(ScheduleId schedule, LocalDate date, Instant bookingOpensAt, int availableSeats,
                               int totalSeats) {

    public DateAvailability {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(bookingOpensAt, "bookingOpensAt");
        if (availableSeats < 0 || availableSeats > totalSeats) {
            throw new IllegalArgumentException(availableSeats + " of " + totalSeats + " seats cannot be available");
        }
    }

    /**
     * Whether the dates listing shows this date at {@code now}: booking has opened, the date is not over and a
     * seat is left. "Today" is the UTC day, as when the concert was created: it is never ahead of the venue's
     * day in Korea, so a date stays listed until it is over there.
     */
    public boolean bookableAt(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return !bookingOpensAt.isAfter(now) && !date.isBefore(today) && availableSeats > 0;
    }
}
