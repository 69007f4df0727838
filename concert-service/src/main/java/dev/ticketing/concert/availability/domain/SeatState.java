package dev.ticketing.concert.availability.domain;

import java.util.Objects;

import dev.ticketing.concert.catalog.domain.SeatStatus;

/** What the seat listing shows of a seat, and for which reservation. */
public record SeatState(SeatStatus status, ReservationId holder) {

    public static final SeatState AVAILABLE = new SeatState(SeatStatus.AVAILABLE, null);

    public SeatState {
        Objects.requireNonNull(status, "status");
        if ((status == SeatStatus.AVAILABLE) != (holder == null)) {
            throw new IllegalArgumentException("a seat has a holder exactly when it is HELD or SOLD, not " + status
                    + " with holder " + holder);
        }
    }

    public static SeatState heldBy(ReservationId holder) {
        return new SeatState(SeatStatus.HELD, holder);
    }

    public static SeatState soldTo(ReservationId holder) {
        return new SeatState(SeatStatus.SOLD, holder);
    }
}
