package dev.ticketing.concert.catalog.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies one date of a concert; reservation events key seats by {@code scheduleId:seatNumber}. */
public record ScheduleId(UUID value) {

    public ScheduleId {
        Objects.requireNonNull(value, "value");
    }

    public static ScheduleId random() {
        return new ScheduleId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
