package dev.ticketing.reservation.hold.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.reservation.config.ReservationProperties;
import dev.ticketing.reservation.hold.domain.Held;
import dev.ticketing.reservation.hold.domain.HoldLimitReached;
import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.Reservations;
import dev.ticketing.reservation.hold.domain.Schedule;
import dev.ticketing.reservation.hold.domain.SeatUnavailable;

/**
 * Holds a seat. The catalog is asked first, outside any transaction; then one short transaction inserts the
 * hold and its ReservationHeld. The INSERT is the lock: the unique keys on (seat, taken) and (token, holding)
 * let exactly one of any number of concurrent holds win, on every instance, and the losers fail at once.
 */
@Service
public class HoldingSeat {

    private static final Logger log = LoggerFactory.getLogger(HoldingSeat.class);

    /** A deadlock needs a hold that took a seat key and then rolled back; the next attempt sees it settled. */
    private static final int ATTEMPTS = 3;

    private final Catalog catalog;
    private final Reservations reservations;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReservationProperties properties;
    private final ReservationMetrics metrics;
    private final SeatsBeingHeld seatsBeingHeld;

    HoldingSeat(Catalog catalog, Reservations reservations, Outbox outbox, PlatformTransactionManager transactions,
                Clock clock, ReservationProperties properties, ReservationMetrics metrics,
                SeatsBeingHeld seatsBeingHeld) {
        this.catalog = catalog;
        this.reservations = reservations;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
        this.seatsBeingHeld = seatsBeingHeld;
    }

    /**
     * @throws WrongConcert       if the token is for another concert
     * @throws ConcertNotFound    if the concert does not exist
     * @throws DateNotFound       if the concert has no such date
     * @throws dev.ticketing.reservation.hold.domain.DateNotOpen if booking for the date has not opened
     * @throws SeatUnavailable    if the seat is held or sold
     * @throws HoldLimitReached   if the token already holds a seat
     * @throws CatalogUnavailable if concert-service cannot be asked and the date is not cached
     */
    public Reservation hold(HoldSeat command) {
        if (!command.concertId().equals(command.tokenConcertId())) {
            throw new WrongConcert(command.tokenConcertId(), command.concertId());
        }
        Schedule schedule = catalog.schedule(command.concertId(), command.date());
        if (schedule.isOverAt(clock.instant())) {
            // The listing no longer shows a date that is over; holding a seat on it is the same 404.
            throw new DateNotFound(command.concertId(), command.date());
        }
        String seatKey = Reservation.seatKey(schedule.scheduleId(), command.seat());
        // A rush on one seat: refuse the losers without queuing them on the unique key's row locks, and once the
        // seat is known taken, without asking the database again.
        if (seatsBeingHeld.knownTaken(seatKey) || reservations.seatTaken(schedule.scheduleId(), command.seat())) {
            seatsBeingHeld.taken(seatKey);
            metrics.seatUnavailable();
            throw new SeatUnavailable(schedule.scheduleId(), command.seat());
        }
        // DATETIME(6) keeps microseconds: truncating here makes the answer equal what a later read returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Held held = Reservation.hold(ReservationId.random(), command.holder(), schedule, command.seat(), now,
                properties.holdTtl());
        if (!seatsBeingHeld.tryStart(seatKey)) {
            // Another request here is inserting a hold on this seat: it wins, or the seat is taken anyway.
            metrics.seatUnavailable();
            throw new SeatUnavailable(schedule.scheduleId(), command.seat());
        }
        try {
            store(held);
            seatsBeingHeld.taken(seatKey);
        } catch (SeatUnavailable e) {
            seatsBeingHeld.taken(seatKey);
            metrics.seatUnavailable();
            throw e;
        } catch (HoldLimitReached e) {
            metrics.holdLimitReached();
            throw e;
        } finally {
            seatsBeingHeld.finish(seatKey);
        }
        metrics.held();
        Reservation reservation = held.reservation();
        log.info("seat_held reservationId={} userId={} tokenId={} seat={} expiresAt={}", reservation.id(),
                reservation.userId(), reservation.tokenId(), reservation.seatKey(), reservation.expiresAt());
        return reservation;
    }

    private void store(Held held) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    reservations.add(held.reservation());
                    outbox.append(held.event());
                });
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new HoldContended(e);
                }
                log.info("hold_retried reservationId={} attempt={} reason=lock_conflict", held.reservation().id(),
                        attempt);
            }
        }
    }
}
