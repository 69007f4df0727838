package dev.ticketing.reservation.hold.adapter.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.reservation.hold.application.FindingReservation;
import dev.ticketing.reservation.hold.domain.ReservationId;

/**
 * Service-to-service reads (not routed by the gateway). payment-service calls this right after a hold, so it
 * reads the reservation table itself rather than an event-fed projection.
 */
@RestController
class InternalReservationController {

    private final FindingReservation findingReservation;

    InternalReservationController(FindingReservation findingReservation) {
        this.findingReservation = findingReservation;
    }

    @GetMapping("/internal/v1/reservations/{reservationId}")
    InternalReservationView get(@PathVariable UUID reservationId) {
        return InternalReservationView.of(findingReservation.byId(new ReservationId(reservationId)));
    }
}
