package dev.ticketing.concert.availability.domain;

import java.time.LocalDate;
import java.util.Objects;

import dev.ticketing.concert.catalog.domain.ConcertId;

/**
 * A seat locked for the caller's transaction, with the state it shows and everything known of its
 * reservations.
 *
 * @param concert and {@code date}: where the seat is, to check events against
 */
public record LockedSeat(SeatKey key, ConcertId concert, LocalDate date, SeatState shown, SeatLedger ledger) {

    public LockedSeat {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(concert, "concert");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(ledger, "ledger");
    }
}
