package dev.ticketing.analytics.streams;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.Record;

/**
 * Keyed by reservation: counts each reservation and payment event once (by eventId), gives payment events the
 * concert date their reservation is for, and passes on what a fan's token did (held a seat, paid) to the token
 * stage. A payment that arrives before any event of its reservation waits in the reservation's ledger.
 */
final class ReservationStage extends AggregateStage<Ledger> {

    static final String STORE = "reservations";

    ReservationStage(StreamMeters meters, Duration forgetAfter) {
        super(meters, STORE, forgetAfter, Ledger::empty, Ledger::lastSeen);
    }

    @Override
    Ledger apply(Record<String, Fact> record, Ledger ledger) {
        Fact fact = record.value();
        if (ledger.hasCounted(fact.eventId())) {
            meters.duplicate(fact.kind().sourceTopic());
            return null;
        }
        meters.counted(fact.kind().sourceTopic());
        ledger = ledger.counting(fact.eventId(), now());
        if (fact.placed()) {
            boolean wasPlaced = ledger.placed();
            Ledger placed = wasPlaced ? ledger : ledger.placedBy(fact);
            pass(record, fact);
            if (!wasPlaced) {
                ledger.waiting().forEach(payment -> pass(record, placed.place(payment)));
            }
            return placed;
        }
        if (ledger.placed()) {
            pass(record, ledger.place(fact));
            return ledger;
        }
        return ledger.waitingFor(fact);
    }

    /** To the concert stage; holds and payments also to the token stage. */
    private void pass(Record<String, Fact> record, Fact fact) {
        forward(record, fact.concertId(), fact);
        if (fact.tokenId() != null && (fact.kind() == Fact.Kind.HELD || fact.kind() == Fact.Kind.PAID)) {
            Fact.Kind kind = fact.kind() == Fact.Kind.HELD ? Fact.Kind.TOKEN_HOLD : Fact.Kind.TOKEN_PAYMENT;
            forward(record, fact.tokenId(), fact.as(kind));
        }
    }
}
