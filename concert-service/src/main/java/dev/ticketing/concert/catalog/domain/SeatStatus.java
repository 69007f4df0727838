package dev.ticketing.concert.catalog.domain;

public enum SeatStatus {
    AVAILABLE,
    HELD,
    SOLD
}
