package dev.ticketing.payment.payments.application;

/** reservation-service could not tell us about a reservation in time: 503, and nothing was changed. */
public class ReservationServiceUnavailable extends RuntimeException {

    public ReservationServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
