package dev.ticketing.reservation.hold.adapter.web;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.reservation.hold.application.PaymentClaim;
import dev.ticketing.reservation.hold.domain.Reservation;

/** The reservation as payment-service needs it to charge, and whether the hold is now claimed for the payment. */
record PaymentClaimView(UUID reservationId, UUID userId, UUID concertId, UUID tokenId, long price, String status,
                        Instant expiresAt, boolean claimed) {

    static PaymentClaimView of(PaymentClaim claim) {
        Reservation r = claim.reservation();
        return new PaymentClaimView(r.id().value(), r.userId(), r.concertId(), r.tokenId(), r.price(),
                r.status().name(), r.expiresAt(), claim.claimed());
    }
}
