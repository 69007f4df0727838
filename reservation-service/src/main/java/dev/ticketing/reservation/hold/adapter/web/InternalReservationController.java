package dev.ticketing.reservation.hold.adapter.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.reservation.hold.application.ClaimingForPayment;
import dev.ticketing.reservation.hold.application.FindingReservation;
import dev.ticketing.reservation.hold.domain.ReservationId;

/**
 * Service-to-service calls (not routed by the gateway). payment-service calls this right after a hold, so it
 * reads the reservation table itself rather than an event-fed projection.
 */
@RestController
class InternalReservationController {

    private final FindingReservation findingReservation;
    private final ClaimingForPayment claimingForPayment;

    InternalReservationController(FindingReservation findingReservation, ClaimingForPayment claimingForPayment) {
        this.findingReservation = findingReservation;
        this.claimingForPayment = claimingForPayment;
    }

    @GetMapping("/internal/v1/reservations/{reservationId}")
    InternalReservationView get(@PathVariable UUID reservationId) {
        return InternalReservationView.of(findingReservation.byId(new ReservationId(reservationId)));
    }

    /**
     * payment-service claims the hold before it charges; the answer says whether it did, and what the reservation
     * is now. Another user's reservation is 404 RESERVATION_NOT_FOUND.
     */
    @PostMapping("/internal/v1/reservations/{reservationId}/payment-claim")
    PaymentClaimView claim(@PathVariable UUID reservationId, @Valid @RequestBody PaymentClaimRequest request) {
        return PaymentClaimView.of(claimingForPayment.claim(new ReservationId(reservationId), request.userId(),
                request.concertId()));
    }
}
