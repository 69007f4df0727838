package dev.ticketing.payment.payments.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.events.ReservationRejected;
import dev.ticketing.messaging.inbox.InboxGuard;
import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.payment.balance.domain.Balance;
import dev.ticketing.payment.balance.domain.BalanceEntry;
import dev.ticketing.payment.balance.domain.Balances;
import dev.ticketing.payment.balance.domain.Ledger;
import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.Payments;
import dev.ticketing.payment.payments.domain.Refunded;

/**
 * Use case: reservation-service rejected a paid reservation (the hold was lost), so the payment is given back.
 * Once per payment: a redelivered event is skipped by the inbox, and a second rejection of the same payment
 * finds it REFUNDED already.
 */
@Service
public class Refunding {

    /** This service's name in the inbox, the same as its consumer group. */
    public static final String CONSUMER = "payment-service";

    private static final Logger log = LoggerFactory.getLogger(Refunding.class);

    private final InboxGuard inbox;
    private final Payments payments;
    private final Balances balances;
    private final Ledger ledger;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public Refunding(InboxGuard inbox, Payments payments, Balances balances, Ledger ledger, Outbox outbox,
                     PaymentMetrics metrics, Clock clock) {
        this.inbox = inbox;
        this.payments = payments;
        this.balances = balances;
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @throws RefundNotApplicable when the event does not match a payment of this service */
    @Transactional
    public void refund(UUID eventId, ReservationRejected rejected) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            log.info("refund_skipped reason=redelivery eventId={} paymentId={}", eventId, rejected.paymentId());
            return;
        }
        Instant now = clock.instant();
        // Balance row first, then the payment row: the same lock order as a payment, so the two never deadlock.
        Balance balance = balances.lock(rejected.userId(), now);
        Payment payment = payments.lock(rejected.paymentId())
                .orElseThrow(() -> new RefundNotApplicable("no payment " + rejected.paymentId()));
        if (!payment.isOwnedBy(rejected.userId()) || !payment.reservationId().equals(rejected.reservationId())) {
            throw new RefundNotApplicable("payment " + payment.id() + " is not of user " + rejected.userId()
                    + " and reservation " + rejected.reservationId());
        }
        if (payment.isRefunded()) {
            log.info("refund_skipped reason=already_refunded eventId={} paymentId={}", eventId, payment.id());
            return;
        }
        if (rejected.amount() != payment.amount()) {
            log.warn("refund_amount_differs paymentId={} paid={} rejectedAmount={}: refunding what was paid",
                    payment.id(), payment.amount(), rejected.amount());
        }
        Balance after = balance.refund(payment.amount());
        Refunded refunded = payment.refund(after.won(), now);
        payments.saveRefund(refunded.payment());
        balances.add(payment.userId(), payment.amount(), now);
        ledger.append(BalanceEntry.refunded(payment.userId(), payment.id(), payment.reservationId(), payment.amount(),
                after.won(), now));
        outbox.append(refunded.event());
        metrics.refunded(payment.amount());
        log.info("payment_refunded paymentId={} reservationId={} userId={} amount={} balance={} reason={}",
                payment.id(), payment.reservationId(), payment.userId(), payment.amount(), after.won(),
                rejected.reason());
    }
}
