package dev.ticketing.concert.availability.domain;

import java.util.Objects;
import java.util.UUID;

/** A reservation of reservation-service, as its events name it. */
public record ReservationId(UUID value) implements Comparable<ReservationId> {

    public ReservationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(ReservationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
