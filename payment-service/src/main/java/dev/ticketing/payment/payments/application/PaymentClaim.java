package dev.ticketing.payment.payments.application;

import dev.ticketing.payment.payments.domain.Reservation;

/**
 * reservation-service's answer to a payment's claim on a hold.
 *
 * @param reservation the reservation as it is now
 * @param claimed     whether the hold is claimed: it was HELD, of the token's concert and in time. A claimed hold
 *                    is not released at its expiry before this service settled it (paid or void).
 */
public record PaymentClaim(Reservation reservation, boolean claimed) {
}
