package dev.ticketing.payment.payments.domain;

import java.util.Objects;
import java.util.UUID;

/** A payment was refused; nothing was taken. {@link Reason} names are the problem codes clients see. */
public class PaymentRejected extends RuntimeException {

    public enum Reason {
        /** The reservation does not exist, or is not the payer's. */
        RESERVATION_NOT_FOUND,
        /** The reservation is confirmed or already has a payment. */
        ALREADY_PAID,
        /** The hold ran out, expired or was cancelled. */
        HOLD_EXPIRED,
        /** The balance does not cover the price. */
        INSUFFICIENT_BALANCE,
        /** The payer's queue token is for another concert than the reservation. */
        WRONG_CONCERT
    }

    private final Reason reason;

    public PaymentRejected(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static PaymentRejected reservationNotFound(UUID reservationId) {
        return new PaymentRejected(Reason.RESERVATION_NOT_FOUND, "Reservation " + reservationId + " was not found.");
    }

    public static PaymentRejected alreadyPaid(UUID reservationId) {
        return new PaymentRejected(Reason.ALREADY_PAID, "Reservation " + reservationId + " is already paid.");
    }

    public static PaymentRejected holdExpired(UUID reservationId) {
        return new PaymentRejected(Reason.HOLD_EXPIRED, "The hold of reservation " + reservationId
                + " has expired; hold the seat again to buy it.");
    }

    public static PaymentRejected wrongConcert(UUID reservationId) {
        return new PaymentRejected(Reason.WRONG_CONCERT, "Reservation " + reservationId
                + " is for another concert than this queue token.");
    }

    public static PaymentRejected insufficientBalance(long balance, long price) {
        return new PaymentRejected(Reason.INSUFFICIENT_BALANCE, "The balance of " + balance
                + " won does not cover the price of " + price + " won; charge it and pay again.");
    }

    public Reason reason() {
        return reason;
    }
}
