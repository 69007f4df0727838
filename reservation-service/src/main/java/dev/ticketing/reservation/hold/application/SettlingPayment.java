package dev.ticketing.reservation.hold.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.messaging.inbox.InboxGuard;
import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.reservation.hold.domain.Payment;
import dev.ticketing.reservation.hold.domain.PaymentOutcome;
import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.Reservations;

/**
 * The saga step after a payment: confirm the seat to the payer, or reject the payment so that it is refunded.
 * One transaction records the event in the inbox, locks the reservation (the sweep skips it meanwhile, or
 * this waits for the sweep's batch to commit), decides and appends the outcome: exactly one of
 * ReservationConfirmed or ReservationRejected per payment, however deliveries and the expiry interleave.
 */
@Service
public class SettlingPayment {

    /** The inbox's consumer name, also this service's consumer group. */
    public static final String CONSUMER = "reservation-service";

    private static final Logger log = LoggerFactory.getLogger(SettlingPayment.class);

    private final Reservations reservations;
    private final InboxGuard inbox;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReservationMetrics metrics;

    SettlingPayment(Reservations reservations, InboxGuard inbox, Outbox outbox,
                    PlatformTransactionManager transactions, Clock clock, ReservationMetrics metrics) {
        this.reservations = reservations;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @throws ReservationNotFound if the payment is for a reservation this service never had; the listener's
     *                             retries then send the event to the DLT for someone to look at
     */
    public void settle(UUID eventId, PaymentCompleted paid) {
        PaymentOutcome outcome = transaction.execute(status -> {
            if (!inbox.firstDelivery(CONSUMER, eventId)) {
                return null;
            }
            ReservationId id = new ReservationId(paid.reservationId());
            Reservation reservation = reservations.lock(id).orElseThrow(() -> new ReservationNotFound(id));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            PaymentOutcome decided = reservation.settle(new Payment(paid.paymentId(), paid.userId(), paid.amount()),
                    now);
            switch (decided) {
                case PaymentOutcome.Confirmed confirmed -> {
                    reservations.update(confirmed.reservation());
                    outbox.append(confirmed.event());
                }
                case PaymentOutcome.Rejected rejected -> outbox.append(rejected.event());
                case PaymentOutcome.AlreadyConfirmed repeat -> {
                }
            }
            return decided;
        });
        report(eventId, paid, outcome);
    }

    private void report(UUID eventId, PaymentCompleted paid, PaymentOutcome outcome) {
        switch (outcome) {
            case null -> log.info("payment_redelivered eventId={} paymentId={}", eventId, paid.paymentId());
            case PaymentOutcome.Confirmed confirmed -> {
                metrics.confirmed(confirmed.reservation().concertId(),
                        Duration.between(paid.completedAt(), clock.instant()));
                log.info("reservation_confirmed reservationId={} paymentId={} userId={} seat={}",
                        paid.reservationId(), paid.paymentId(), paid.userId(), confirmed.reservation().seatKey());
            }
            case PaymentOutcome.Rejected rejected -> {
                metrics.rejected();
                log.warn("payment_rejected reservationId={} paymentId={} userId={} status={} reason={}",
                        paid.reservationId(), paid.paymentId(), paid.userId(), rejected.reservation().status(),
                        rejected.event().reason());
            }
            case PaymentOutcome.AlreadyConfirmed repeat -> log.info(
                    "payment_already_applied reservationId={} paymentId={}", paid.reservationId(), paid.paymentId());
        }
    }
}
