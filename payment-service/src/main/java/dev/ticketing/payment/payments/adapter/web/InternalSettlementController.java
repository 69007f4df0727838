package dev.ticketing.payment.payments.adapter.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.payment.payments.application.SettlingReservation;
import dev.ticketing.payment.payments.domain.Payment;

/** Service-to-service (not routed by the gateway): reservation-service settles a claimed hold that is due. */
@RestController
class InternalSettlementController {

    private final SettlingReservation settling;

    InternalSettlementController(SettlingReservation settling) {
        this.settling = settling;
    }

    /** PUT: settling is idempotent, the same reservation always gets the same answer. */
    @PutMapping("/internal/v1/reservation-settlements/{reservationId}")
    SettlementView settle(@PathVariable UUID reservationId) {
        return settling.settle(reservationId).map(paid -> SettlementView.paid(reservationId, paid))
                .orElseGet(() -> SettlementView.voided(reservationId));
    }

    record SettlementView(UUID reservationId, String outcome, UUID paymentId, UUID userId, Long amount) {

        static SettlementView paid(UUID reservationId, Payment payment) {
            return new SettlementView(reservationId, "PAID", payment.id(), payment.userId(), payment.amount());
        }

        static SettlementView voided(UUID reservationId) {
            return new SettlementView(reservationId, "VOIDED", null, null, null);
        }
    }
}
