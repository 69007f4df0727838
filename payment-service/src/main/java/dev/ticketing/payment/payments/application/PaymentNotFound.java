package dev.ticketing.payment.payments.application;

import java.util.UUID;

/** No such payment for this caller (another user's payment counts as none). */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound(UUID paymentId) {
        super("Payment " + paymentId + " was not found.");
    }
}
