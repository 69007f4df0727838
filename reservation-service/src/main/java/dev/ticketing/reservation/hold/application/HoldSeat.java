package dev.ticketing.reservation.hold.application;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.ticketing.reservation.hold.domain.Holder;
import dev.ticketing.reservation.hold.domain.SeatNumber;

/**
 * Hold {@code seat} of {@code concertId} on {@code date} for {@code holder}, whose queue token admits them to
 * {@code tokenConcertId}.
 */
public record HoldSeat(Holder holder, UUID tokenConcertId, UUID concertId, LocalDate date, SeatNumber seat) {

    public HoldSeat {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(tokenConcertId, "tokenConcertId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(seat, "seat");
    }
}
