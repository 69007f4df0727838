package dev.ticketing.reservation.hold.domain;

/** The seat is already held or sold. */
public class SeatUnavailable extends RuntimeException {

    public SeatUnavailable(long scheduleId, SeatNumber seat) {
        super("seat " + seat.value() + " of schedule " + scheduleId + " is already held or sold");
    }
}
