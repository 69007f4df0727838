package dev.ticketing.concert.availability.application;

/** What a reservation event did to the seat read model. */
public enum ReadModelOutcome {
    /** The seat shows something else now. */
    APPLIED,
    /**
     * Recorded, but the seat already reflects something later: an old hold, the end of a hold the seat no
     * longer shows, anything after a sale.
     */
    STALE,
    /** A redelivery of an event already applied. */
    DUPLICATE,
    /** An event that never changes a seat (ReservationRejected). */
    NO_EFFECT
}
