package dev.ticketing.reservation.hold.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One date of a concert as the catalog describes it: when booking opens and the price (KRW) of each of its
 * 50 seats. A schedule missing a seat cannot be constructed: holds never guess a price.
 *
 * @param title the concert's title, for the fan's list of reservations; null if the catalog did not name it
 */
public record Schedule(UUID concertId, String title, long scheduleId, LocalDate date, Instant bookingOpensAt,
                       Map<SeatNumber, Long> prices) {

    public Schedule {
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(bookingOpensAt, "bookingOpensAt");
        if (scheduleId <= 0) {
            throw new IllegalArgumentException("scheduleId must be positive but was " + scheduleId);
        }
        prices = Map.copyOf(prices);
        for (int seat = SeatNumber.FIRST; seat <= SeatNumber.LAST; seat++) {
            Long price = prices.get(new SeatNumber(seat));
            if (price == null || price <= 0) {
                throw new IllegalArgumentException("seat " + seat + " has no positive price: " + price);
            }
        }
    }

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(bookingOpensAt);
    }

    /** A date before today (UTC, as concert-service's listing counts it) is over: nothing is sold for it. */
    public boolean isOverAt(Instant now) {
        return date.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    public long priceOf(SeatNumber seat) {
        return prices.get(seat);
    }
}
