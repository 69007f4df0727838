package dev.ticketing.audit;

import static dev.ticketing.audit.Discrepancy.RESERVATION;
import static dev.ticketing.audit.Discrepancy.SEAT;
import static dev.ticketing.audit.Discrepancy.USER;
import static dev.ticketing.audit.Discrepancy.ids;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.AuditFacts.SeatRow;
import dev.ticketing.audit.Discrepancy.Kind;

/** Invariant 1 in reservation-service, concert-service's read model of it, and the hold expiry sweep. */
final class SeatRules {

    private SeatRules() {
    }

    static List<Discrepancy> check(AuditFacts facts, Judgement judgement) {
        Map<String, List<ReservationRow>> bySeat = facts.reservations().stream()
                .collect(Collectors.groupingBy(ReservationRow::seat, TreeMap::new, Collectors.toList()));
        List<Discrepancy> found = new ArrayList<>();
        bySeat.forEach((seat, reservations) -> doubleOwner(seat, reservations).ifPresent(found::add));
        TreeSet<String> seats = new TreeSet<>(bySeat.keySet());
        seats.addAll(facts.occupiedSeats().keySet());
        for (String seat : seats) {
            List<ReservationRow> reservations = bySeat.getOrDefault(seat, List.of());
            readModel(seat, reservations, facts, judgement).ifPresent(found::add);
        }
        facts.reservations().stream()
                .filter(r -> "HELD".equals(r.status()) && judgement.overdue(r.expiresAt()))
                .sorted(Comparator.comparing(ReservationRow::expiresAt))
                .map(r -> new Discrepancy(Kind.HOLD_NOT_RELEASED, ids(RESERVATION, r.id(), USER, r.userId(), SEAT, r.seat()),
                        "EXPIRED within " + judgement.settle().toSeconds() + " s of expiresAt " + r.expiresAt(),
                        "still HELD, expired " + judgement.ago(r.expiresAt())))
                .forEach(found::add);
        return found;
    }

    private static Optional<Discrepancy> doubleOwner(String seat, List<ReservationRow> reservations) {
        List<ReservationRow> owners = reservations.stream().filter(ReservationRow::takesSeat).toList();
        if (owners.size() < 2) {
            return Optional.empty();
        }
        String which = owners.stream().map(r -> r.id() + " " + r.status() + " of " + r.userId()).collect(Collectors.joining(", "));
        return Optional.of(new Discrepancy(Kind.SEAT_DOUBLE_OWNED,
                ids(SEAT, seat, RESERVATION, owners.stream().map(ReservationRow::id).collect(Collectors.joining(","))),
                "at most one HELD or CONFIRMED reservation", owners.size() + " (" + which + ")"));
    }

    /** SOLD ⇔ a CONFIRMED reservation, HELD ⇔ a HELD one, AVAILABLE ⇔ neither; judged once the seat has settled. */
    private static Optional<Discrepancy> readModel(String seat, List<ReservationRow> reservations, AuditFacts facts,
                                                             Judgement judgement) {
        List<ReservationRow> owners = reservations.stream().filter(ReservationRow::takesSeat).toList();
        Instant lastChange = reservations.stream().map(ReservationRow::updatedAt).max(Comparator.naturalOrder()).orElse(null);
        if (owners.size() > 1 || !judgement.settled(lastChange)) {
            return Optional.empty();
        }
        ReservationRow owner = owners.isEmpty() ? null : owners.getFirst();
        String expectedStatus = owner == null ? "AVAILABLE" : "CONFIRMED".equals(owner.status()) ? "SOLD" : "HELD";
        String expectedHolder = owner == null ? null : owner.id();
        SeatRow row = facts.occupiedSeats().get(seat);
        String foundStatus = row == null ? "AVAILABLE" : row.status();
        String foundHolder = row == null ? null : row.holderReservationId();
        if (expectedStatus.equals(foundStatus) && Objects.equals(expectedHolder, foundHolder)) {
            return Optional.empty();
        }
        String scheduleId = seat.substring(0, seat.lastIndexOf(':'));
        String found = row == null && !facts.schedules().contains(scheduleId)
                ? "no such seat in concert-service" : describe(foundStatus, foundHolder);
        return Optional.of(new Discrepancy(Kind.SEAT_READ_MODEL_MISMATCH,
                ids(SEAT, seat, RESERVATION, expectedHolder != null ? expectedHolder : foundHolder,
                        USER, owner == null ? null : owner.userId()),
                describe(expectedStatus, expectedHolder), found));
    }

    private static String describe(String status, String holder) {
        return holder == null ? status : status + " for " + holder;
    }
}
