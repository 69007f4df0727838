package dev.ticketing.payment.payments.adapter.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ticketing.payment.payments.domain.Payment;

/** One payment in {@code GET /api/v1/payments}; {@code refundedAt} only once it was refunded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentListItem(UUID paymentId, UUID reservationId, long amount, String status, Instant paidAt,
                       Instant refundedAt) {

    static PaymentListItem of(Payment payment) {
        return new PaymentListItem(payment.id(), payment.reservationId(), payment.amount(), payment.status().name(),
                payment.createdAt(), payment.isRefunded() ? payment.updatedAt() : null);
    }
}
