package dev.ticketing.concert.availability.application;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.concert.availability.domain.AvailabilityViews;
import dev.ticketing.concert.availability.domain.LockedSeat;
import dev.ticketing.concert.availability.domain.ReservationId;
import dev.ticketing.concert.availability.domain.SeatFact;
import dev.ticketing.concert.availability.domain.SeatKey;
import dev.ticketing.concert.availability.domain.SeatLedger;
import dev.ticketing.concert.availability.domain.SeatLedgers;
import dev.ticketing.concert.availability.domain.SeatState;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ScheduleId;
import dev.ticketing.concert.catalog.domain.SeatNumber;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.messaging.inbox.InboxGuard;

/**
 * Use case: a reservation event updates the seat availability read model (HELD, AVAILABLE, SOLD), once per
 * event and in whatever order a seat's events arrive (the rule is {@link SeatLedger}'s).
 */
@Service
public class ApplyingReservationEvents {

    /** The consumer group and inbox name of this read model. */
    public static final String CONSUMER = "concert-service";

    private static final Logger log = LoggerFactory.getLogger(ApplyingReservationEvents.class);

    private final InboxGuard inbox;
    private final SeatLedgers ledgers;
    private final AvailabilityViews views;

    public ApplyingReservationEvents(InboxGuard inbox, SeatLedgers ledgers, AvailabilityViews views) {
        this.inbox = inbox;
        this.ledgers = ledgers;
        this.views = views;
    }

    /** @throws EventDoesNotFitCatalog when the event's seat is not this catalog's (nothing is applied) */
    @Transactional
    public ReadModelOutcome apply(EventEnvelope<? extends ReservationEvent> event) {
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return ReadModelOutcome.DUPLICATE;
        }
        Optional<SeatFact> fact = factOf(event.payload());
        if (fact.isEmpty()) {
            return ReadModelOutcome.NO_EFFECT;
        }
        LockedSeat seat = lockSeatOf(event.payload());
        SeatLedger ledger = seat.ledger().record(fact.get());
        ledgers.save(seat.key(), ledger.reservation(fact.get().reservation()));
        SeatState state = ledger.state();
        if (state.equals(seat.shown())) {
            log.debug("seat_event_stale seat={} event={} eventId={} shows={}",
                    seat.key(), event.eventType(), event.eventId(), state.status());
            return ReadModelOutcome.STALE;
        }
        ledgers.show(seat.key(), state);
        views.changedByCurrentTransaction(seat.concert(), seat.key().schedule());
        log.debug("seat_state_changed seat={} event={} eventId={} from={} to={} holder={}",
                seat.key(), event.eventType(), event.eventId(), seat.shown().status(), state.status(), state.holder());
        return ReadModelOutcome.APPLIED;
    }

    private LockedSeat lockSeatOf(ReservationEvent event) {
        SeatKey key = new SeatKey(new ScheduleId(event.scheduleId()), new SeatNumber(event.seatNumber()));
        LockedSeat seat = ledgers.lock(key).orElseThrow(() -> new EventDoesNotFitCatalog(
                "reservation " + event.reservationId() + " names seat " + key + ", which does not exist"));
        if (!seat.concert().equals(new ConcertId(event.concertId())) || !seat.date().equals(event.date())) {
            throw new EventDoesNotFitCatalog("reservation " + event.reservationId() + " places seat " + key
                    + " at concert " + event.concertId() + " on " + event.date() + ", but it belongs to concert "
                    + seat.concert() + " on " + seat.date());
        }
        return seat;
    }

    private static Optional<SeatFact> factOf(ReservationEvent event) {
        ReservationId reservation = new ReservationId(event.reservationId());
        return switch (event) {
            case ReservationHeld held -> Optional.of(new SeatFact.Held(reservation, held.heldAt()));
            case HoldExpired expired -> Optional.of(new SeatFact.Expired(reservation));
            case ReservationConfirmed confirmed -> Optional.of(new SeatFact.Confirmed(reservation));
            // A payment for a hold that was already lost: the seat's own events tell what it shows.
            case ReservationRejected rejected -> Optional.empty();
        };
    }
}
