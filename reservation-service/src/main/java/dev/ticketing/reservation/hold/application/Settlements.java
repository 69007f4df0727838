package dev.ticketing.reservation.hold.application;

import dev.ticketing.reservation.hold.domain.ReservationId;

/** payment-service's word on a claimed hold whose time is up. */
public interface Settlements {

    /**
     * Settles the reservation at payment-service: the payment that committed for it, or, when none did, a void
     * that makes payment-service refuse every later payment for it. Asking again gives the same answer.
     *
     * @throws PaymentServiceUnavailable when payment-service cannot answer; the hold then stays HELD for now
     */
    Settlement settle(ReservationId id);
}
