package dev.ticketing.concert.availability.domain;

import java.util.Objects;

import dev.ticketing.concert.catalog.domain.Price;
import dev.ticketing.concert.catalog.domain.SeatNumber;
import dev.ticketing.concert.catalog.domain.SeatStatus;

/** A seat as the seat listing shows it. */
public record ListedSeat(SeatNumber number, SeatStatus status, Price price) {

    public ListedSeat {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(price, "price");
    }
}
