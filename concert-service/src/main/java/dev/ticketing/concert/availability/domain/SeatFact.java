package dev.ticketing.concert.availability.domain;

import java.time.Instant;
import java.util.Objects;

/** What one reservation event says about a seat. (ReservationRejected says nothing about it.) */
public sealed interface SeatFact {

    ReservationId reservation();

    /** ReservationHeld: the reservation held the seat from {@code heldAt}. */
    record Held(ReservationId reservation, Instant heldAt) implements SeatFact {

        public Held {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(heldAt, "heldAt");
        }
    }

    /** HoldExpired: the reservation's hold ran out unpaid. */
    record Expired(ReservationId reservation) implements SeatFact {

        public Expired {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** ReservationConfirmed: the reservation bought the seat. */
    record Confirmed(ReservationId reservation) implements SeatFact {

        public Confirmed {
            Objects.requireNonNull(reservation, "reservation");
        }
    }
}
