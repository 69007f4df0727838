package dev.ticketing.audit;

import static dev.ticketing.audit.Discrepancy.PAYMENT;
import static dev.ticketing.audit.Discrepancy.RESERVATION;
import static dev.ticketing.audit.Discrepancy.SEAT;
import static dev.ticketing.audit.Discrepancy.USER;
import static dev.ticketing.audit.Discrepancy.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.Discrepancy.Kind;

/**
 * Invariant 4 across payment-service and reservation-service: a completed payment ends with its seat CONFIRMED
 * to the payer, a CONFIRMED seat has exactly one completed payment, a refunded payment has no seat.
 */
final class PaymentRules {

    private PaymentRules() {
    }

    static List<Discrepancy> check(AuditFacts facts, Judgement judgement) {
        Map<String, ReservationRow> reservations = facts.reservations().stream()
                .collect(Collectors.toMap(ReservationRow::id, Function.identity(), (a, b) -> a));
        List<Discrepancy> found = new ArrayList<>();
        for (PaymentRow payment : facts.payments()) {
            ReservationRow reservation = reservations.get(payment.reservationId());
            if (judgement.settled(payment.updatedAt(), reservation == null ? null : reservation.updatedAt())) {
                found.addAll(paymentAgainstReservation(payment, reservation));
            }
        }
        Map<String, List<PaymentRow>> completedByReservation = facts.payments().stream()
                .filter(p -> "COMPLETED".equals(p.status()))
                .collect(Collectors.groupingBy(PaymentRow::reservationId));
        for (ReservationRow reservation : facts.reservations()) {
            if (!"CONFIRMED".equals(reservation.status()) || !judgement.settled(reservation.updatedAt())) {
                continue;
            }
            List<PaymentRow> completed = completedByReservation.getOrDefault(reservation.id(), List.of());
            if (completed.size() != 1) {
                found.add(new Discrepancy(Kind.SEAT_WITHOUT_PAYMENT,
                        ids(RESERVATION, reservation.id(), USER, reservation.userId(), PAYMENT, reservation.paymentId(),
                                SEAT, reservation.seat()),
                        "exactly one COMPLETED payment", completed.size() + " completed payments"
                                + (completed.isEmpty() ? "" : " (" + completed.stream().map(PaymentRow::id)
                                .collect(Collectors.joining(", ")) + ")")));
            }
        }
        return found;
    }

    private static List<Discrepancy> paymentAgainstReservation(PaymentRow payment, ReservationRow reservation) {
        var named = ids(PAYMENT, payment.id(), RESERVATION, payment.reservationId(), USER, payment.userId(),
                SEAT, reservation == null ? null : reservation.seat());
        boolean confirmed = reservation != null && "CONFIRMED".equals(reservation.status());
        if ("REFUNDED".equals(payment.status())) {
            return confirmed
                    ? List.of(new Discrepancy(Kind.REFUNDED_SEAT_CONFIRMED, named, "the reservation not CONFIRMED after a refund",
                            "CONFIRMED" + (reservation.paymentId() == null ? "" : " by payment " + reservation.paymentId())))
                    : List.of();
        }
        if (!"COMPLETED".equals(payment.status())) {
            return List.of();
        }
        if (!confirmed) {
            return List.of(new Discrepancy(Kind.PAYMENT_WITHOUT_SEAT, named,
                    "the reservation CONFIRMED, or the payment REFUNDED",
                    reservation == null ? "no such reservation" : "reservation " + reservation.status() + ", payment COMPLETED"));
        }
        List<String> differences = new ArrayList<>();
        if (!reservation.userId().equals(payment.userId())) {
            differences.add("reservation of user " + reservation.userId());
        }
        if (reservation.price() != payment.amount()) {
            differences.add("price " + reservation.price() + " but paid " + payment.amount());
        }
        if (reservation.paymentId() != null && !Objects.equals(reservation.paymentId(), payment.id())) {
            differences.add("confirmed by payment " + reservation.paymentId());
        }
        return differences.isEmpty() ? List.of() : List.of(new Discrepancy(Kind.PAYMENT_RESERVATION_MISMATCH, named,
                "the reservation CONFIRMED by this payment, to its payer, at the amount paid", String.join("; ", differences)));
    }
}
