package dev.ticketing.payment.payments.domain;

import dev.ticketing.events.PaymentCompleted;

/** A completed payment and the event that announces it. */
public record Paid(Payment payment, PaymentCompleted event) {
}
