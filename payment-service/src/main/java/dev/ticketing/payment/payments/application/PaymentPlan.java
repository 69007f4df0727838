package dev.ticketing.payment.payments.application;

import dev.ticketing.payment.payments.domain.Reservation;

/** A payment that passed every check needing no transaction: the reservation is the payer's and payable. */
public record PaymentPlan(PayReservation command, Reservation reservation) {
}
