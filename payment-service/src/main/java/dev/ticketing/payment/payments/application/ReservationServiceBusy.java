package dev.ticketing.payment.payments.application;

/**
 * reservation-service was not asked, or refused at once: it shed the call (503 with {@code Ticketing-Shed}), or
 * this service's circuit to it is open. Nothing was done anywhere, at once: the payment is shed in turn (503
 * SERVICE_BUSY with {@code Retry-After}), the way an overloaded service answers, and a shed call is not counted as
 * reservation-service failing.
 */
public class ReservationServiceBusy extends ReservationServiceUnavailable {

    public ReservationServiceBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
