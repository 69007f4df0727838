package dev.ticketing.reservation.hold.application;

import dev.ticketing.reservation.hold.domain.Reservation;

/**
 * A payment's claim on a hold, as answered to payment-service.
 *
 * @param reservation the reservation as it is now
 * @param claimed     whether the hold is claimed for this payment: it was HELD, for the token's concert, and in time
 */
public record PaymentClaim(Reservation reservation, boolean claimed) {
}
