package dev.ticketing.concert.catalog.domain;

import java.util.Objects;
import java.util.UUID;

public record ConcertId(UUID value) {

    public ConcertId {
        Objects.requireNonNull(value, "value");
    }

    public static ConcertId random() {
        return new ConcertId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
