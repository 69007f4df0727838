package dev.ticketing.infra.audit;

import static dev.ticketing.infra.audit.SchemaReader.instant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ticketing.infra.audit.AuditFacts.InboxDuplicate;
import dev.ticketing.infra.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.infra.audit.AuditFacts.PaymentRow;
import dev.ticketing.infra.audit.AuditFacts.ReservationRow;
import dev.ticketing.infra.audit.AuditFacts.SeatRow;
import dev.ticketing.infra.stack.ServiceName;

/**
 * What the three service schemas hold, by explicit column names so that columns and tables added later do not
 * matter. Read in the order that keeps eventual consistency from looking like a fault: concert-service's read
 * model is read before the reservations it follows, so every reservation behind a seat's state is in the
 * later snapshot, and anything newer carries a fresh timestamp that the settle window skips.
 */
final class DatabaseFacts {

    final Map<String, SeatRow> occupiedSeats = new HashMap<>();
    final Set<String> schedules = new HashSet<>();
    final List<ReservationRow> reservations = new ArrayList<>();
    final List<PaymentRow> payments = new ArrayList<>();
    final Map<String, Long> balances = new HashMap<>();
    final Map<String, Long> charges = new HashMap<>();
    final List<OutboxBacklog> outboxes = new ArrayList<>();
    final List<InboxDuplicate> inboxDuplicates = new ArrayList<>();

    static DatabaseFacts read(AuditSources sources) {
        DatabaseFacts facts = new DatabaseFacts();
        try (SchemaReader concert = SchemaReader.open(ServiceName.CONCERT.module(), sources.concert())) {
            concert.list("SELECT schedule_id, seat_number, status, holder_reservation_id FROM seat WHERE status <> 'AVAILABLE'",
                    rs -> new SeatRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                    .forEach(seat -> facts.occupiedSeats.put(seat.seat(), seat));
            facts.schedules.addAll(concert.list("SELECT id FROM concert_date", rs -> rs.getString(1)));
            facts.delivery(concert);
        }
        try (SchemaReader reservation = SchemaReader.open(ServiceName.RESERVATION.module(), sources.reservation())) {
            String paymentId = reservation.hasColumn("reservation", "payment_id") ? "payment_id" : "NULL";
            facts.reservations.addAll(reservation.list("SELECT id, user_id, schedule_id, seat_number, price, token_id, status, "
                    + paymentId + ", expires_at, updated_at FROM reservation",
                    rs -> new ReservationRow(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getInt(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10))));
            facts.delivery(reservation);
        }
        try (SchemaReader payment = SchemaReader.open(ServiceName.PAYMENT.module(), sources.payment())) {
            facts.payments.addAll(payment.list("SELECT id, reservation_id, user_id, amount, status, updated_at FROM payment",
                    rs -> new PaymentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            instant(rs, 6))));
            payment.list("SELECT user_id, amount FROM balance", rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> facts.balances.put(e.getKey(), e.getValue()));
            payment.list("SELECT user_id, SUM(amount) FROM balance_charge GROUP BY user_id",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> facts.charges.put(e.getKey(), e.getValue()));
            facts.delivery(payment);
        }
        return facts;
    }

    private void delivery(SchemaReader schema) {
        schema.outboxBacklog().ifPresent(outboxes::add);
        inboxDuplicates.addAll(schema.inboxDuplicates());
    }

    AuditFacts with(Optional<AuditFacts.QueueFacts> queue) {
        return new AuditFacts(reservations, occupiedSeats, schedules, payments, balances, charges, outboxes, inboxDuplicates, queue);
    }
}
