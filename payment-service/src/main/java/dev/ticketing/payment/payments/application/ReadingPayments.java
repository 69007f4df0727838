package dev.ticketing.payment.payments.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.Payments;

/** Use case: a user looks at one of their payments. */
@Service
public class ReadingPayments {

    private final Payments payments;

    public ReadingPayments(Payments payments) {
        this.payments = payments;
    }

    /** @throws PaymentNotFound when it does not exist or is someone else's */
    public Payment paymentOf(UUID userId, UUID paymentId) {
        return payments.find(paymentId).filter(payment -> payment.isOwnedBy(userId))
                .orElseThrow(() -> new PaymentNotFound(paymentId));
    }
}
