package dev.ticketing.concert.catalog.domain;

import java.util.Objects;

public record Seat(SeatNumber number, Price price, SeatStatus status) {

    public Seat {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(status, "status");
    }

    public static Seat available(SeatNumber number, Price price) {
        return new Seat(number, price, SeatStatus.AVAILABLE);
    }
}
