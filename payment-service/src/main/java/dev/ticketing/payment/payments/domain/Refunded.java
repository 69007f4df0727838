package dev.ticketing.payment.payments.domain;

import dev.ticketing.events.PaymentRefunded;

/** A refunded payment and the event that announces it. */
public record Refunded(Payment payment, PaymentRefunded event) {
}
