package dev.ticketing.concert.availability.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the read model knows of one seat's reservations, and the state the seat shows because of it.
 * Redeliveries, rebalances and relay takeovers can repeat or reorder a seat's events, and producer clocks are not
 * comparable, so the state is a function of the <em>set</em> of facts received, never of the last event or of
 * timestamps:
 * <ul>
 * <li>each reservation merges its own facts ({@link SeatReservation#with}: commutative and idempotent, OPEN &lt;
 * EXPIRED &lt; CONFIRMED), so a late ReservationHeld cannot resurrect an expired hold;</li>
 * <li>SOLD if any reservation is CONFIRMED; else HELD by a hold that arrived and has not ended (while events are
 * missing there may be two: the later {@code heldAt} wins, the truth once the missing expiry arrives); else
 * AVAILABLE.</li>
 * </ul>
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
