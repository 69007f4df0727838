package dev.ticketing.payment.payments.application;

/**
 * reservation-service was not asked, refused at once, or did not answer within the payment's time: it shed the call
 * (503 with {@code Ticketing-Shed}), this service's circuit to it is open, or it was too slow (overloaded, or hung:
 * the circuit counts a timeout, so a hang soon opens it). Nothing was charged: the payment is shed in turn (503
 * SERVICE_BUSY with {@code Retry-After}), the way an overloaded service answers, and a shed call is not counted as
 * reservation-service failing. A claim that went through late stays harmless: the hold is settled at its expiry,
 * or paid by the fan's retry.
 */
public class ReservationServiceBusy extends ReservationServiceUnavailable {

    public ReservationServiceBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
