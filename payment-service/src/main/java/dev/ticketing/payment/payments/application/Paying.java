package dev.ticketing.payment.payments.application;

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
import dev.ticketing.payment.balance.domain.InsufficientBalance;
import dev.ticketing.payment.balance.domain.Ledger;
import dev.ticketing.payment.payments.domain.Paid;
import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.PaymentRejected;
import dev.ticketing.payment.payments.domain.Payments;
import dev.ticketing.payment.payments.domain.Reservation;
import dev.ticketing.payment.payments.domain.ReservationSettlements;

/**
 * Use case: a user pays a held reservation from their balance. In two steps, so that the call to
 * reservation-service never holds a database connection or lock: {@link #check} claims the hold outside any
 * transaction, then {@link #complete} charges in one. A claimed hold is not released at its expiry until this
 * service settled it: the payment's commit and a void race on the reservation's settlement row, so a payment
 * answered 201 always keeps its seat, and one that the expiry beat is refused and charges nothing.
 */
@Service
public class Paying {

    private static final Logger log = LoggerFactory.getLogger(Paying.class);

    private final Reservations reservations;
    private final Payments payments;
    private final ReservationSettlements settlements;
    private final Balances balances;
    private final Ledger ledger;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public Paying(Reservations reservations, Payments payments, ReservationSettlements settlements,
                  Balances balances, Ledger ledger, Outbox outbox, PaymentMetrics metrics, Clock clock) {
        this.reservations = reservations;
        this.payments = payments;
        this.settlements = settlements;
        this.balances = balances;
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Claims the hold at reservation-service and checks it is the payer's, of the token's concert, unpaid and
     * still held.
     *
     * @throws PaymentRejected               RESERVATION_NOT_FOUND, WRONG_CONCERT, ALREADY_PAID or HOLD_EXPIRED
     * @throws ReservationServiceUnavailable when reservation-service cannot answer
     * @throws PaymentOutOfTime              when the deadline leaves too little time for the claim, or after it
     *                                       for the transaction ({@link #complete})
     */
    public PaymentPlan check(PayReservation command, PaymentDeadline deadline) {
        try {
            outOfTimeBefore(deadline::requireTimeForClaim, command);
            PaymentClaim claim = reservations.claimForPayment(command.reservationId(), command.userId(),
                            command.concertId(), deadline.timeForClaim())
                    .orElseThrow(() -> PaymentRejected.reservationNotFound(command.reservationId()));
            Reservation reservation = claim.reservation();
            reservation.requireOwnedBy(command.userId());
            reservation.requireConcert(command.concertId());
            requirePayable(claim);
            outOfTimeBefore(deadline::requireTimeForTransaction, command);
            return new PaymentPlan(command, reservation);
        } catch (PaymentRejected rejected) {
            throw rejected(command, rejected);
        }
    }

    /**
     * Takes the price from the balance, records the payment, settles the reservation as paid and appends
     * PaymentCompleted, all or nothing. Payments of one user queue on their balance row; of two payments for one
     * reservation the second then inserts a payment the unique reservation key refuses, and is ALREADY_PAID (a
     * refused one is looked up first, so a paid reservation is ALREADY_PAID whatever else is wrong with it). The
     * hold's expiry is checked again here, in the transaction (a payment can wait on a lock or a retry), and a
     * reservation reservation-service has had voided is refused: its seat is gone.
     *
     * @throws PaymentRejected ALREADY_PAID, HOLD_EXPIRED or INSUFFICIENT_BALANCE; nothing changed then
     */
    @Transactional
    public Payment complete(PaymentPlan plan) {
        PayReservation command = plan.command();
        Reservation reservation = plan.reservation();
        try {
            Instant now = clock.instant();
            Balance after = payable(reservation, balances.lockExisting(command.userId()), now);
            balances.subtract(command.userId(), reservation.price(), now);
            Paid paid = Payment.complete(reservation, after.won(), now);
            Payment payment = paid.payment();
            if (!payments.addIfFirstFor(payment)) {
                throw PaymentRejected.alreadyPaid(reservation.id());
            }
            if (!settlements.settlePaid(reservation.id(), payment.id(), now)) {
                throw PaymentRejected.holdExpired(reservation.id());
            }
            ledger.append(BalanceEntry.paid(command.userId(), payment.id(), reservation.id(), payment.amount(),
                    after.won(), now));
            outbox.append(paid.event());
            metrics.completed(payment.amount());
            log.info("payment_completed paymentId={} reservationId={} userId={} tokenId={} amount={} balance={}",
                    payment.id(), reservation.id(), command.userId(), reservation.tokenId(), payment.amount(),
                    after.won());
            return payment;
        } catch (PaymentRejected rejected) {
            throw rejected(command, rejected);
        }
    }

    /**
     * A hold claimed and still HELD goes on to the transaction, which finds a payment made already (ALREADY_PAID) as it
     * must anyway: no lookup here on the way of every payment. Any other hold is refused, as ALREADY_PAID when this
     * service has its payment (reservation-service may not have heard of it yet, or it expired since).
     */
    private void requirePayable(PaymentClaim claim) {
        Reservation reservation = claim.reservation();
        try {
            reservation.requirePayableAt(clock.instant());
            if (!claim.claimed()) {
                // HELD a moment ago, but the expiry got there first.
                throw PaymentRejected.holdExpired(reservation.id());
            }
        } catch (PaymentRejected refused) {
            throw alreadyPaidOr(refused, reservation);
        }
    }

    /** The balance after the payment, if the hold is still payable and the balance covers it. */
    private Balance payable(Reservation reservation, Balance balance, Instant now) {
        try {
            reservation.requirePayableAt(now);
            return pay(balance, reservation.price());
        } catch (PaymentRejected refused) {
            throw alreadyPaidOr(refused, reservation);
        }
    }

    private PaymentRejected alreadyPaidOr(PaymentRejected refused, Reservation reservation) {
        return payments.existsFor(reservation.id()) ? PaymentRejected.alreadyPaid(reservation.id()) : refused;
    }

    private void outOfTimeBefore(Runnable requirement, PayReservation command) {
        try {
            requirement.run();
        } catch (PaymentOutOfTime outOfTime) {
            metrics.outOfTime(outOfTime.step());
            log.info("payment_out_of_time reservationId={} userId={} step={} detail=\"{}\"", command.reservationId(),
                    command.userId(), outOfTime.step(), outOfTime.getMessage());
            throw outOfTime;
        }
    }

    private static Balance pay(Balance balance, long price) {
        try {
            return balance.pay(price);
        } catch (InsufficientBalance e) {
            throw PaymentRejected.insufficientBalance(e.balance(), e.price());
        }
    }

    private PaymentRejected rejected(PayReservation command, PaymentRejected rejected) {
        metrics.rejected(rejected.reason());
        log.info("payment_rejected reservationId={} userId={} reason={}", command.reservationId(), command.userId(),
                rejected.reason());
        return rejected;
    }
}
