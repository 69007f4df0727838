package dev.ticketing.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ticketing.audit.AuditFacts.ActiveLine;
import dev.ticketing.audit.AuditFacts.ActiveToken;
import dev.ticketing.audit.AuditFacts.InboxDuplicate;
import dev.ticketing.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.AuditFacts.SeatRow;

/** Facts built by hand for the rules' unit tests: a consistent world that a test then breaks in one place. */
final class World {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant LONG_AGO = NOW.minus(Duration.ofMinutes(10));
    static final Judgement JUDGEMENT = new Judgement(NOW, Duration.ofSeconds(5));

    final List<ReservationRow> reservations = new ArrayList<>();
    final Map<String, SeatRow> seats = new HashMap<>();
    final Set<String> schedules = new HashSet<>(Set.of("1", "2"));
    final List<PaymentRow> payments = new ArrayList<>();
    final Map<String, Long> balances = new HashMap<>();
    final Map<String, Long> charges = new HashMap<>();
    final List<OutboxBacklog> outboxes = new ArrayList<>();
    final List<InboxDuplicate> inboxDuplicates = new ArrayList<>();
    final Map<String, List<ActiveToken>> activeLines = new HashMap<>();
    Optional<OutboxBacklog> queueOutbox = Optional.empty();
    int maxActive = 2;

    /** A seat held by a user: reservation HELD until a minute from now, seat HELD for it. */
    ReservationRow hold(String id, String user, int seat) {
        ReservationRow row = new ReservationRow(id, user, "1", seat, 50_000, "tok-" + id, "HELD", null,
                NOW.plus(Duration.ofMinutes(1)), LONG_AGO);
        reservations.add(row);
        seats.put(row.seat(), new SeatRow("1", seat, "HELD", id));
        return row;
    }

    /** A seat sold long ago: charged, paid, reservation CONFIRMED by the payment, seat SOLD. */
    ReservationRow sale(String id, String user, int seat) {
        ReservationRow row = new ReservationRow(id, user, "1", seat, 50_000, "tok-" + id, "CONFIRMED", "pay-" + id,
                LONG_AGO.plus(Duration.ofMinutes(5)), LONG_AGO);
        reservations.add(row);
        seats.put(row.seat(), new SeatRow("1", seat, "SOLD", id));
        payments.add(new PaymentRow("pay-" + id, id, user, 50_000, "COMPLETED", LONG_AGO));
        charge(user, 80_000);
        balances.merge(user, -50_000L, Long::sum);
        return row;
    }

    /** A payment that lost to its hold's expiry and was refunded: reservation EXPIRED, seat AVAILABLE. */
    ReservationRow refundedLateSale(String id, String user, int seat) {
        ReservationRow row = new ReservationRow(id, user, "2", seat, 30_000, "tok-" + id, "EXPIRED", null,
                LONG_AGO, LONG_AGO);
        reservations.add(row);
        payments.add(new PaymentRow("pay-" + id, id, user, 30_000, "REFUNDED", LONG_AGO));
        charge(user, 30_000);
        return row;
    }

    void charge(String user, long amount) {
        charges.merge(user, amount, Long::sum);
        balances.merge(user, amount, Long::sum);
    }

    void active(String concert, String tokenId, String status, Instant activeUntil) {
        activeLines.computeIfAbsent(concert, c -> new ArrayList<>()).add(new ActiveToken(tokenId, status, activeUntil));
    }

    void replace(ReservationRow old, ReservationRow changed) {
        reservations.set(reservations.indexOf(old), changed);
    }

    AuditFacts facts() {
        Optional<QueueFacts> queue = Optional.of(new QueueFacts(maxActive,
                activeLines.entrySet().stream().map(e -> new ActiveLine(e.getKey(), e.getValue())).toList(), queueOutbox));
        return new AuditFacts(reservations, seats, schedules, payments, balances, charges, outboxes, inboxDuplicates, queue);
    }

    List<Discrepancy> audit() {
        return AuditRules.check(facts(), JUDGEMENT);
    }

    static ReservationRow withStatus(ReservationRow r, String status, Instant updatedAt) {
        return new ReservationRow(r.id(), r.userId(), r.scheduleId(), r.seatNumber(), r.price(), r.tokenId(), status,
                r.paymentId(), r.expiresAt(), updatedAt);
    }
}
