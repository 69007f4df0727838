package dev.ticketing.reservation.hold.application;

/** payment-service could not settle a reservation right now (down, slow, broken answer). */
public class PaymentServiceUnavailable extends RuntimeException {

    public PaymentServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
