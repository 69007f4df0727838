package dev.ticketing.payment.balance.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.payment.balance.domain.Balance;
import dev.ticketing.payment.balance.domain.BalanceEntry;
import dev.ticketing.payment.balance.domain.Balances;
import dev.ticketing.payment.balance.domain.Charge;
import dev.ticketing.payment.balance.domain.Charged;
import dev.ticketing.payment.balance.domain.Charges;
import dev.ticketing.payment.balance.domain.Ledger;
import dev.ticketing.payment.payments.application.PaymentDeadline;
import dev.ticketing.payment.payments.application.PaymentOutOfTime;

/** Use case: a user charges their balance; the charge, the new balance and BalanceCharged commit together. */
@Service
public class Charging {

    private static final Logger log = LoggerFactory.getLogger(Charging.class);

    private final Balances balances;
    private final Charges charges;
    private final Ledger ledger;
    private final Outbox outbox;
    private final ChargeMetrics metrics;
    private final Clock clock;

    public Charging(Balances balances, Charges charges, Ledger ledger, Outbox outbox, ChargeMetrics metrics, Clock clock) {
        this.balances = balances;
        this.charges = charges;
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Before the charge's transaction: a charge that waited (for a slot under the in-flight limit, for a connection
     * to look its Idempotency-Key up) until too little of its time budget is left does not start it, so it is never
     * answered after the gateway stopped waiting (504, outcome unknown to the fan) but shed at once, nothing charged.
     *
     * @throws PaymentOutOfTime when the deadline leaves too little time for the transaction
     */
    public ChargeBalance check(ChargeBalance command, PaymentDeadline deadline) {
        try {
            deadline.requireTimeForTransaction();
            return command;
        } catch (PaymentOutOfTime outOfTime) {
            metrics.outOfTime();
            log.info("charge_out_of_time userId={} amount={} detail=\"{}\"", command.userId(), command.amount(),
                    outOfTime.getMessage());
            throw outOfTime;
        }
    }

    /**
     * Concurrent charges of one user queue on the balance row's lock, which the addition takes; each adds to what the
     * previous one left.
     *
     * @throws dev.ticketing.payment.balance.domain.BalanceRuleViolation for an amount outside 1..10,000,000;
     *                                                                   the transaction rolls back, nothing changes
     */
    @Transactional
    public Charge charge(ChargeBalance command) {
        Instant now = clock.instant();
        Balance.requireChargeable(command.amount());
        Balance after = balances.credit(command.userId(), command.amount(), now);
        Charged charged = Charge.of(after, command.amount(), now);
        Charge charge = charged.charge();
        charges.add(charge);
        ledger.append(BalanceEntry.charged(charge));
        outbox.append(charged.event());
        metrics.charged(charge.amount());
        log.info("balance_charged userId={} chargeId={} amount={} balance={}", charge.userId(), charge.id(),
                charge.amount(), charge.balanceAfter());
        return charge;
    }
}
