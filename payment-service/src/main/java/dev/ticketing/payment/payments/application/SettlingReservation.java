package dev.ticketing.payment.payments.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.Payments;
import dev.ticketing.payment.payments.domain.ReservationSettlements;

/**
 * Use case: reservation-service settles a claimed hold whose time is up. If a payment committed for it, that is
 * the answer; otherwise the reservation is voided, and from then on every payment for it is refused with
 * HOLD_EXPIRED, so reservation-service may release the seat. Asking again gives the same answer.
 */
@Service
public class SettlingReservation {

    private static final Logger log = LoggerFactory.getLogger(SettlingReservation.class);

    private final ReservationSettlements settlements;
    private final Payments payments;
    private final Clock clock;

    public SettlingReservation(ReservationSettlements settlements, Payments payments, Clock clock) {
        this.settlements = settlements;
        this.payments = payments;
        this.clock = clock;
    }

    /** @return the payment that settled the reservation, or empty when it is void */
    @Transactional
    public Optional<Payment> settle(UUID reservationId) {
        Optional<Payment> paid = settlements.voidUnlessPaid(reservationId, clock.instant())
                .map(paymentId -> payments.find(paymentId).orElseThrow(() -> new IllegalStateException(
                        "reservation " + reservationId + " is settled by payment " + paymentId + ", which is missing")));
        log.info("reservation_settled reservationId={} outcome={} paymentId={}", reservationId,
                paid.isPresent() ? "PAID" : "VOIDED", paid.map(Payment::id).orElse(null));
        return paid;
    }
}
