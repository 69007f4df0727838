package dev.ticketing.payment.payments.adapter.web;

import java.util.UUID;

import dev.ticketing.payment.payments.domain.Payment;

/**
 * {@code {paymentId, reservationId, amount, status, balance}}.
 *
 * @param balance the payer's balance right after the payment
 */
record PaymentResponse(UUID paymentId, UUID reservationId, long amount, String status, long balance) {

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(payment.id(), payment.reservationId(), payment.amount(), payment.status().name(),
                payment.balanceAfter());
    }
}
