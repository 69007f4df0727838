package dev.ticketing.concert.availability.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the read model knows of one seat's reservations, and the state the seat shows because of it.
 *
 * <p><b>The rule.</b> Kafka delivers a seat's events in order on the first delivery, but redeliveries, a
 * consumer rebalance or a relay takeover can repeat or reorder them, and producer clocks on different
 * instances are not comparable to the millisecond (a hold taken right after an expiry may carry an earlier
 * {@code occurredAt}). So the state is <em>not</em> the last event applied, and not decided by timestamps:
 * it is a function of the <em>set</em> of facts received, which no delivery order can change.
 * <ul>
 * <li>Each reservation keeps a merge of its own facts ({@link SeatReservation#with}): held or not yet, and
 * OPEN &lt; EXPIRED &lt; CONFIRMED. Merging is commutative and idempotent, so a HoldExpired that arrives before
 * its ReservationHeld is remembered, and the late ReservationHeld cannot resurrect the hold.</li>
 * <li>The seat is SOLD if any reservation is CONFIRMED (a sale is final; nothing after it matters).</li>
 * <li>Otherwise HELD by a reservation whose hold arrived and has not ended. Once every event is in there is
 * at most one such reservation (reservation-service lets one hold exist at a time), so the state is exact.
 * While events are still missing there may be two (Held(B) arrived before Expired(A)): the later
 * {@code heldAt} wins, which is the truth once the missing Expired(A) arrives. Timestamps only break that
 * transient tie, never override a fact.</li>
 * <li>Otherwise AVAILABLE.</li>
 * </ul>
 * A HoldExpired therefore frees the seat only when it ends the hold the seat shows, a ReservationHeld older
 * than what the seat reflects changes nothing, and every ordering of one seat's events ends in the same state.
 */
public final class SeatLedger {

    /** Among holds that have not ended, the latest; ids break exact ties so the choice never depends on order. */
    private static final Comparator<SeatReservation> LATEST_HOLD_LAST =
            Comparator.comparing(SeatReservation::heldAt).thenComparing(SeatReservation::id);

    private final Map<ReservationId, SeatReservation> reservations;

    private SeatLedger(Map<ReservationId, SeatReservation> reservations) {
        this.reservations = reservations;
    }

    public static SeatLedger empty() {
        return new SeatLedger(Map.of());
    }

    public static SeatLedger of(Collection<SeatReservation> reservations) {
        Map<ReservationId, SeatReservation> byId = new HashMap<>();
        for (SeatReservation reservation : reservations) {
            if (byId.put(reservation.id(), reservation) != null) {
                throw new IllegalArgumentException("reservation " + reservation.id() + " given twice");
            }
        }
        return new SeatLedger(Map.copyOf(byId));
    }

    /** This ledger with one more fact; the ledger itself does not change. */
    public SeatLedger record(SeatFact fact) {
        Map<ReservationId, SeatReservation> next = new HashMap<>(reservations);
        next.put(fact.reservation(), reservation(fact.reservation()).with(fact));
        return new SeatLedger(Map.copyOf(next));
    }

    /** What is known of this reservation; {@link SeatReservation#unknown} if nothing is. */
    public SeatReservation reservation(ReservationId id) {
        SeatReservation known = reservations.get(id);
        return known == null ? SeatReservation.unknown(id) : known;
    }

    public List<SeatReservation> reservations() {
        return List.copyOf(reservations.values());
    }

    public SeatState state() {
        Optional<SeatReservation> sale = reservations.values().stream()
                .filter(reservation -> reservation.outcome() == SeatReservation.Outcome.CONFIRMED)
                .min(Comparator.comparing(SeatReservation::id));
        if (sale.isPresent()) {
            return SeatState.soldTo(sale.get().id());
        }
        return reservations.values().stream()
                .filter(SeatReservation::holdsSeat)
                .max(LATEST_HOLD_LAST)
                .map(hold -> SeatState.heldBy(hold.id()))
                .orElse(SeatState.AVAILABLE);
    }
}
