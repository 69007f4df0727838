package dev.ticketing.concert.availability.domain;

import java.util.Objects;

import dev.ticketing.concert.catalog.domain.ScheduleId;
import dev.ticketing.concert.catalog.domain.SeatNumber;

/** One seat of one concert date: what reservation events key by {@code scheduleId:seatNumber}. */
public record SeatKey(ScheduleId schedule, SeatNumber number) {

    public SeatKey {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(number, "number");
    }

    @Override
    public String toString() {
        return schedule + ":" + number.value();
    }
}
