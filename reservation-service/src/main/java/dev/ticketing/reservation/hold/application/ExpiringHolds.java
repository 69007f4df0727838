package dev.ticketing.reservation.hold.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.reservation.config.HoldSweepProperties;
import dev.ticketing.reservation.hold.domain.Expired;
import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.Reservations;

/**
 * Releases holds whose time is up, in batches of short transactions. Each batch locks its rows with
 * SKIP LOCKED, so any number of instances sweep side by side and every due hold is expired exactly once;
 * a hold whose payment is being applied right now is skipped and decided by that payment instead.
 */
@Service
public class ExpiringHolds {

    private static final Logger log = LoggerFactory.getLogger(ExpiringHolds.class);

    private final Reservations reservations;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HoldSweepProperties sweep;
    private final ReservationMetrics metrics;
    private final SeatsBeingHeld seats;

    ExpiringHolds(Reservations reservations, Outbox outbox, PlatformTransactionManager transactions, Clock clock,
                  HoldSweepProperties sweep, ReservationMetrics metrics, SeatsBeingHeld seats) {
        this.reservations = reservations;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.sweep = sweep;
        this.metrics = metrics;
        this.seats = seats;
    }

    /** Expires due holds, batch after batch, until none is left or {@code max-batches} ran; returns how many. */
    public int expireDueHolds() {
        int total = 0;
        for (int batch = 0; batch < sweep.maxBatches(); batch++) {
            int expired = expireBatch();
            total += expired;
            if (expired < sweep.batchSize()) {
                break;
            }
        }
        return total;
    }

    private int expireBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Expired> batch = transaction.execute(status -> {
            List<Expired> expired = reservations.lockDueHolds(now, sweep.batchSize()).stream()
                    .map(reservation -> reservation.expire(now))
                    .flatMap(Optional::stream)
                    .toList();
            expired.forEach(this::record);
            return expired;
        });
        if (!batch.isEmpty()) {
            metrics.expired(batch.size());
        }
        batch.forEach(expired -> {
            Reservation reservation = expired.reservation();
            seats.released(reservation.seatKey());
            log.info("hold_expired reservationId={} userId={} tokenId={} seat={} expiresAt={}", reservation.id(),
                    reservation.userId(), reservation.tokenId(), reservation.seatKey(), reservation.expiresAt());
        });
        return batch.size();
    }

    private void record(Expired expired) {
        reservations.update(expired.reservation());
        outbox.append(expired.event());
    }
}
