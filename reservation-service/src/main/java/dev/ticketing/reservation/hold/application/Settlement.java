package dev.ticketing.reservation.hold.application;

import dev.ticketing.reservation.hold.domain.Payment;

/** How payment-service settled a reservation: paid by one payment, or void. */
public sealed interface Settlement {

    record Paid(Payment payment) implements Settlement {
    }

    record Voided() implements Settlement {
    }
}
