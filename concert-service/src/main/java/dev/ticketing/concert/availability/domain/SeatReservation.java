package dev.ticketing.concert.availability.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of one reservation of a seat, merged from its events in whatever order they arrived.
 *
 * @param heldAt  when it took the seat, once its ReservationHeld has arrived; null before
 * @param outcome how it ended, once that event has arrived
 */
public record SeatReservation(ReservationId id, Instant heldAt, Outcome outcome) {

    /** Ordered: a merge keeps the later one, so OPEN &lt; EXPIRED &lt; CONFIRMED (a sale is final). */
    public enum Outcome {
        OPEN,
        EXPIRED,
        CONFIRMED
    }

    public SeatReservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A reservation no event has been recorded for yet. */
    public static SeatReservation unknown(ReservationId id) {
        return new SeatReservation(id, null, Outcome.OPEN);
    }

    /**
     * Adds a fact. Each field only ever grows (heldAt from null to a time, outcome up its order), so adding
     * the same facts in any order, any number of times, gives the same result.
     */
    public SeatReservation with(SeatFact fact) {
        if (!fact.reservation().equals(id)) {
            throw new IllegalArgumentException("fact of " + fact.reservation() + " given to reservation " + id);
        }
        return switch (fact) {
            case SeatFact.Held held -> new SeatReservation(id, later(heldAt, held.heldAt()), outcome);
            case SeatFact.Expired expired -> new SeatReservation(id, heldAt, max(outcome, Outcome.EXPIRED));
            case SeatFact.Confirmed confirmed -> new SeatReservation(id, heldAt, Outcome.CONFIRMED);
        };
    }

    /** Its hold has arrived and no end of it has. */
    public boolean holdsSeat() {
        return heldAt != null && outcome == Outcome.OPEN;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Outcome max(Outcome a, Outcome b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
