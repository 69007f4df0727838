package dev.ticketing.payment.payments.domain;

/** COMPLETED when the money was taken; REFUNDED once it was given back after a rejected reservation. */
public enum PaymentStatus {
    COMPLETED, REFUNDED
}
