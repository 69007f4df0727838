package dev.ticketing.reservation.hold.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.reservation.config.HoldSweepProperties;
import dev.ticketing.reservation.hold.domain.Expired;
import dev.ticketing.reservation.hold.domain.PaymentOutcome;
import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.Reservations;

/**
 * The sweep's second pass: claimed holds whose time is up. payment-service settles each one first, outside any
 * transaction; then one short transaction applies the answer if the hold is still HELD: paid → CONFIRMED to the
 * payment (its PaymentCompleted, whenever it arrives, finds it done), void → EXPIRED and the seat released. The
 * void is what makes it safe: from then on payment-service refuses any payment for the reservation.
 */
@Service
public class SettlingClaimedHolds {

    private static final Logger log = LoggerFactory.getLogger(SettlingClaimedHolds.class);

    private final Reservations reservations;
    private final Settlements settlements;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HoldSweepProperties sweep;
    private final ReservationMetrics metrics;
    private final SeatsBeingHeld seats;

    SettlingClaimedHolds(Reservations reservations, Settlements settlements, Outbox outbox,
                         PlatformTransactionManager transactions, Clock clock, HoldSweepProperties sweep,
                         ReservationMetrics metrics, SeatsBeingHeld seats) {
        this.reservations = reservations;
        this.settlements = settlements;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.sweep = sweep;
        this.metrics = metrics;
        this.seats = seats;
    }

    /**
     * Settles up to one batch of due claimed holds; returns how many it ended.
     *
     * @throws PaymentServiceUnavailable when payment-service cannot answer; those holds stay HELD until it can
     */
    public int settleDueClaims() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int ended = 0;
        for (ReservationId id : reservations.dueClaimedHolds(now, sweep.batchSize())) {
            Settlement settlement = settlements.settle(id);
            if (apply(id, settlement)) {
                ended++;
            }
        }
        return ended;
    }

    private boolean apply(ReservationId id, Settlement settlement) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Reservation> ended = transaction.execute(status -> {
            Reservation reservation = reservations.lock(id).orElseThrow(() -> new ReservationNotFound(id));
            return switch (settlement) {
                case Settlement.Voided voided -> reservation.expire(now).map(this::record);
                case Settlement.Paid paid -> switch (reservation.settle(paid.payment(), now)) {
                    case PaymentOutcome.Confirmed confirmed -> {
                        reservations.update(confirmed.reservation());
                        outbox.append(confirmed.event());
                        yield Optional.of(confirmed.reservation());
                    }
                    // Not HELD any more: its PaymentCompleted was applied meanwhile. Nothing to add.
                    case PaymentOutcome.Rejected rejected -> Optional.<Reservation>empty();
                    case PaymentOutcome.AlreadyConfirmed repeat -> Optional.<Reservation>empty();
                };
            };
        });
        ended.ifPresent(reservation -> report(reservation, settlement));
        return ended.isPresent();
    }

    private Reservation record(Expired expired) {
        reservations.update(expired.reservation());
        outbox.append(expired.event());
        return expired.reservation();
    }

    private void report(Reservation reservation, Settlement settlement) {
        switch (settlement) {
            case Settlement.Voided voided -> {
                seats.released(reservation.seatKey());
                metrics.expired(1);
                log.info("claimed_hold_expired reservationId={} userId={} tokenId={} seat={} expiresAt={}",
                        reservation.id(), reservation.userId(), reservation.tokenId(), reservation.seatKey(),
                        reservation.expiresAt());
            }
            case Settlement.Paid paid -> log.info(
                    "claimed_hold_confirmed reservationId={} paymentId={} userId={} seat={}", reservation.id(),
                    paid.payment().paymentId(), reservation.userId(), reservation.seatKey());
        }
    }
}
