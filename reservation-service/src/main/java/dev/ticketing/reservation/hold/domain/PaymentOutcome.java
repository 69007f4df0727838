package dev.ticketing.reservation.hold.domain;

import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationRejected;

/** What a completed payment did to its reservation. */
public sealed interface PaymentOutcome {

    /** The hold was the payer's: the seat is sold to them. */
    record Confirmed(Reservation reservation, ReservationConfirmed event) implements PaymentOutcome {
    }

    /** The hold was lost before the payment arrived: the reservation stays as it is, the payment is refunded. */
    record Rejected(Reservation reservation, ReservationRejected event) implements PaymentOutcome {
    }

    /** This very payment confirmed the reservation before: a repeat, with no second effect. */
    record AlreadyConfirmed(Reservation reservation) implements PaymentOutcome {
    }
}
