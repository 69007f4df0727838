package dev.ticketing.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows the audit judges, read from every service's store: plain data, so the rules are pure functions
 * over it and unit tests build facts by hand.
 *
 * @param occupiedSeats concert-service's seats that are not AVAILABLE, by {@code scheduleId:seatNumber}
 * @param schedules     concert-service's schedule (concert date) ids: a seat of a known schedule missing from
 *                      {@code occupiedSeats} is AVAILABLE
 * @param balances      payment-service's balance per user
 * @param charges       the sum of payment-service's recorded charges per user
 * @param queue         empty when the queue's Redis was not read
 */
public record AuditFacts(
        List<ReservationRow> reservations,
        Map<String, SeatRow> occupiedSeats,
        Set<String> schedules,
        List<PaymentRow> payments,
        Map<String, Long> balances,
        Map<String, Long> charges,
        List<OutboxBacklog> outboxes,
        List<InboxDuplicate> inboxDuplicates,
        Optional<QueueFacts> queue) {

    public AuditFacts {
        reservations = List.copyOf(reservations);
        occupiedSeats = Map.copyOf(occupiedSeats);
        schedules = Set.copyOf(schedules);
        payments = List.copyOf(payments);
        balances = Map.copyOf(balances);
        charges = Map.copyOf(charges);
        outboxes = List.copyOf(outboxes);
        inboxDuplicates = List.copyOf(inboxDuplicates);
    }

    /** The facts of the three schemas (read in this order: see {@link AuditRules}) and, if read, the queue's. */
    public static AuditFacts of(StoreFacts.Concert concert, StoreFacts.Reservation reservation, StoreFacts.Payment payment,
                                Optional<QueueFacts> queue) {
        Map<String, SeatRow> occupied = new HashMap<>();
        concert.occupiedSeats().forEach(seat -> occupied.put(seat.seat(), seat));
        List<OutboxBacklog> outboxes = new ArrayList<>();
        List<InboxDuplicate> duplicates = new ArrayList<>();
        for (StoreFacts.Delivery delivery : List.of(concert.delivery(), reservation.delivery(), payment.delivery())) {
            delivery.outbox().ifPresent(outboxes::add);
            duplicates.addAll(delivery.inboxDuplicates());
        }
        return new AuditFacts(reservation.reservations(), occupied, concert.schedules(), payment.payments(), payment.balances(),
                payment.charges(), outboxes, duplicates, queue);
    }

    public static String seatKey(String scheduleId, int seatNumber) {
        return scheduleId + ":" + seatNumber;
    }

    /** A row of reservation-service's {@code reservation}; {@code paymentId} is null until confirmed. */
    public record ReservationRow(String id, String userId, String scheduleId, int seatNumber, long price, String tokenId,
                                 String status, String paymentId, Instant expiresAt, Instant updatedAt) {

        public String seat() {
            return seatKey(scheduleId, seatNumber);
        }

        /** HELD or CONFIRMED: the reservation holds or owns its seat. */
        public boolean takesSeat() {
            return "HELD".equals(status) || "CONFIRMED".equals(status);
        }
    }

    /** A row of concert-service's {@code seat} read model. */
    public record SeatRow(String scheduleId, int seatNumber, String status, String holderReservationId) {

        public String seat() {
            return seatKey(scheduleId, seatNumber);
        }
    }

    /** A row of payment-service's {@code payment}: COMPLETED, or REFUNDED (the amount went back to the balance). */
    public record PaymentRow(String id, String reservationId, String userId, long amount, String status, Instant updatedAt) {
    }

    /** Events a service wrote that Kafka has not acknowledged yet; only reported for services that have some. */
    public record OutboxBacklog(String service, long unsent, String oldestEventId, Instant oldestWrittenAt) {
    }

    public record InboxDuplicate(String service, String consumer, String eventId, long copies) {
    }

    /** queue-service's ACTIVE lines, its outbox stream, and the cap it was started with. */
    public record QueueFacts(int maxActive, List<ActiveLine> lines, Optional<OutboxBacklog> outbox) {

        public QueueFacts {
            lines = List.copyOf(lines);
        }
    }

    public record ActiveLine(String concertId, List<ActiveToken> tokens) {

        public ActiveLine {
            tokens = List.copyOf(tokens);
        }
    }

    /** A member of a concert's ACTIVE line; {@code status} is the token record's (null when it is gone). */
    public record ActiveToken(String tokenId, String status, Instant activeUntil) {
    }
}
