package dev.ticketing.concert.catalog.domain;

/**
 * Identifies one date of a concert. A positive integer because reservation events carry it as one
 * ({@code scheduleId}, common-events) and key seats by {@code scheduleId:seatNumber}.
 */
public record ScheduleId(long value) {

    public ScheduleId {
        if (value < 1) {
            throw new IllegalArgumentException("a schedule id is a positive integer, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
