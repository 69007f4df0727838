package dev.ticketing.payment.payments.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.Payments;
import dev.ticketing.web.paging.InvalidPage;
import dev.ticketing.web.paging.Page;
import dev.ticketing.web.paging.PageRequest;

/** Use case: a user looks at their payments: one by id, or all of them a page at a time, newest first. */
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

    /** @throws InvalidPage for a cursor that is not a position in a payment list */
    public Page<Payment> paymentsOf(UUID userId, PageRequest page) {
        Optional<Payments.Position> before = page.after().map(ReadingPayments::position);
        return Page.of(payments.newestOf(userId, before, page.limit() + 1), page.limit(),
                payment -> payment.createdAt() + "|" + payment.id());
    }

    private static Payments.Position position(String text) {
        int bar = text.indexOf('|');
        try {
            return new Payments.Position(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw InvalidPage.cursor();
        }
    }
}
