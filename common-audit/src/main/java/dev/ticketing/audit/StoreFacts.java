package dev.ticketing.audit;

import static dev.ticketing.audit.SchemaReader.instant;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ticketing.audit.AuditFacts.InboxDuplicate;
import dev.ticketing.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.AuditFacts.SeatRow;

/**
 * What each service's own schema holds for the audit, read by explicit column names (columns and tables added later
 * do not matter), each in one REPEATABLE READ snapshot. The same readers serve {@code ./stack audit}, which connects
 * to the schemas itself, and each service's {@code GET /internal/v1/audit/facts}, which reads over its own pool.
 */
public final class StoreFacts {

    public static final String CONCERT_SERVICE = "concert-service";
    public static final String RESERVATION_SERVICE = "reservation-service";
    public static final String PAYMENT_SERVICE = "payment-service";

    private StoreFacts() {
    }

    /** common-messaging's outbox backlog (when something is unsent) and inbox duplicates of one schema. */
    public record Delivery(Optional<OutboxBacklog> outbox, List<InboxDuplicate> inboxDuplicates) {

        public Delivery {
            inboxDuplicates = List.copyOf(inboxDuplicates);
        }

        static Delivery of(SchemaReader schema) {
            return new Delivery(schema.outboxBacklog(), schema.inboxDuplicates());
        }
    }

    /** concert-service: the seats that are not AVAILABLE and every schedule (concert date) id. */
    public record Concert(List<SeatRow> occupiedSeats, Set<String> schedules, Delivery delivery) {

        public Concert {
            occupiedSeats = List.copyOf(occupiedSeats);
            schedules = Set.copyOf(schedules);
        }
    }

    public record Reservation(List<ReservationRow> reservations, Delivery delivery) {

        public Reservation {
            reservations = List.copyOf(reservations);
        }
    }

    /** payment-service: payments, the balance per user and the sum of each user's charges. */
    public record Payment(List<PaymentRow> payments, Map<String, Long> balances, Map<String, Long> charges, Delivery delivery) {

        public Payment {
            payments = List.copyOf(payments);
            balances = Map.copyOf(balances);
            charges = Map.copyOf(charges);
        }
    }

    /** Reads concert-service's schema over {@code connection}, which is closed afterwards. */
    public static Concert concert(Connection connection) {
        try (SchemaReader schema = SchemaReader.over(CONCERT_SERVICE, connection)) {
            List<SeatRow> seats = schema.list(
                    "SELECT schedule_id, seat_number, status, holder_reservation_id FROM seat WHERE status <> 'AVAILABLE'",
                    rs -> new SeatRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
            List<String> schedules = schema.list("SELECT id FROM concert_date", rs -> rs.getString(1));
            return new Concert(seats, Set.copyOf(schedules), Delivery.of(schema));
        }
    }

    /** Reads reservation-service's schema over {@code connection}, which is closed afterwards. */
    public static Reservation reservation(Connection connection) {
        try (SchemaReader schema = SchemaReader.over(RESERVATION_SERVICE, connection)) {
            String paymentId = schema.hasColumn("reservation", "payment_id") ? "payment_id" : "NULL";
            List<ReservationRow> reservations = schema.list("SELECT id, user_id, schedule_id, seat_number, price, token_id, status, "
                    + paymentId + ", expires_at, updated_at FROM reservation",
                    rs -> new ReservationRow(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getInt(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10)));
            return new Reservation(reservations, Delivery.of(schema));
        }
    }

    /** Reads payment-service's schema over {@code connection}, which is closed afterwards. */
    public static Payment payment(Connection connection) {
        try (SchemaReader schema = SchemaReader.over(PAYMENT_SERVICE, connection)) {
            List<PaymentRow> payments = schema.list("SELECT id, reservation_id, user_id, amount, status, updated_at FROM payment",
                    rs -> new PaymentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            instant(rs, 6)));
            Map<String, Long> balances = perUser(schema, "SELECT user_id, amount FROM balance");
            Map<String, Long> charges = perUser(schema, "SELECT user_id, SUM(amount) FROM balance_charge GROUP BY user_id");
            return new Payment(payments, balances, charges, Delivery.of(schema));
        }
    }

    private static Map<String, Long> perUser(SchemaReader schema, String sql) {
        return schema.list(sql, rs -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
