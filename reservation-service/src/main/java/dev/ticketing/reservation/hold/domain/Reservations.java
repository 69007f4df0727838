package dev.ticketing.reservation.hold.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where reservations live. Every method runs in the caller's transaction. */
public interface Reservations {

    /**
     * Stores a new hold. The store, not a prior read, decides who wins a seat: of any number of concurrent
     * adds for one seat (or one token), exactly one succeeds.
     *
     * @throws SeatUnavailable  if the seat is already held or sold
     * @throws HoldLimitReached if the reservation's token already holds a seat
     */
    void add(Reservation reservation);

    /**
     * Whether the seat is held or sold right now, by a plain read that takes no lock. Only a shortcut for the
     * losers of a rush on one seat (they need not queue on the unique key's locks); {@link #add} still decides.
     */
    boolean seatTaken(long scheduleId, SeatNumber seat);

    Optional<Reservation> find(ReservationId id);

    /**
     * A user's reservations, newest held first, of one status or all.
     *
     * @param before the last reservation of the previous page; empty for the newest
     */
    List<Reservation> newestOf(UUID userId, Optional<ReservationStatus> status, Optional<Position> before, int limit);

    /** Finds and locks the reservation until the transaction ends, so that decisions on it serialize. */
    Optional<Reservation> lock(ReservationId id);

    /**
     * Locks up to {@code limit} holds due at {@code now} that no payment has claimed, oldest first, skipping those
     * another transaction has locked (another instance's sweep, a payment being applied): every due hold is
     * handled by one sweep.
     */
    List<Reservation> lockDueHolds(Instant now, int limit);

    /**
     * Marks a hold as claimed by a payment if it is HELD and {@code now} is before its {@code expiresAt}; from then
     * on the sweep ends it only after payment-service settled it. One statement on the row, so it serializes with
     * the sweep: a hold is either claimed before it expired, or expired and never claimed.
     *
     * @return whether the hold is claimed now
     */
    boolean claimForPayment(ReservationId id, Instant now);

    /** Up to {@code limit} claimed holds due at {@code now}, oldest first; no lock (each is settled on its own). */
    List<ReservationId> dueClaimedHolds(Instant now, int limit);

    /** Saves the new state of a reservation this transaction has locked. */
    void update(Reservation reservation);

    /** Where a reservation stands in its user's list: when it was held, then its id (two can share a microsecond). */
    record Position(Instant heldAt, ReservationId id) {
    }
}
