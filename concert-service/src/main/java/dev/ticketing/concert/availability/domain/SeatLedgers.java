package dev.ticketing.concert.availability.domain;

import java.util.Optional;

/** The write side of the read model, in the caller's transaction. */
public interface SeatLedgers {

    /** Locks the seat until the caller commits, so one seat's events apply one at a time; empty if no such seat. */
    Optional<LockedSeat> lock(SeatKey seat);

    /** Stores what is now known of one reservation of the (locked) seat. */
    void save(SeatKey seat, SeatReservation reservation);

    /** Changes what the (locked) seat shows. */
    void show(SeatKey seat, SeatState state);
}
