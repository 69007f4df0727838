package dev.ticketing.payment.payments.application;

/**
 * A ReservationRejected names a payment this service does not have, or one of another user or reservation.
 * That is a broken contract, not a retryable state: the record ends in the dead-letter topic for a human.
 */
public class RefundNotApplicable extends RuntimeException {

    public RefundNotApplicable(String message) {
        super(message);
    }
}
