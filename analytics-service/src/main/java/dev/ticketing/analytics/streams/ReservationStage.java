package dev.ticketing.analytics.streams;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by reservation: counts each reservation and payment event once (by eventId), gives payment events the
 * concert date their reservation is for, and passes on what a fan's token did (held a seat, paid) to the token
 * stage. A payment that arrives before any event of its reservation waits in the reservation's ledger.
 */
final class ReservationStage implements Processor<String, Fact, String, Fact> {

    static final String STORE = "reservations";

    private final StreamMeters meters;
    private final Duration forgetAfter;
    private ProcessorContext<String, Fact> context;
    private KeyValueStore<String, Ledger> ledgers;

    ReservationStage(StreamMeters meters, Duration forgetAfter) {
        this.meters = meters;
        this.forgetAfter = forgetAfter;
    }

    @Override
    public void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.ledgers = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME,
                now -> StoreSweep.forget(ledgers, Ledger::lastSeen, Instant.ofEpochMilli(now).minus(forgetAfter)));
    }

    @Override
    public void process(Record<String, Fact> record) {
        Fact fact = record.value();
        Ledger ledger = ledgers.get(record.key());
        if (ledger == null) {
            ledger = Ledger.empty();
        }
        if (ledger.hasCounted(fact.eventId())) {
            meters.duplicate(fact.kind().sourceTopic());
            return;
        }
        meters.counted(fact.kind().sourceTopic());
        ledger = ledger.counting(fact.eventId(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        if (fact.placed()) {
            boolean wasPlaced = ledger.placed();
            Ledger placed = wasPlaced ? ledger : ledger.placedBy(fact);
            forward(record, fact);
            if (!wasPlaced) {
                ledger.waiting().forEach(payment -> forward(record, placed.place(payment)));
            }
            ledger = placed;
        } else if (ledger.placed()) {
            forward(record, ledger.place(fact));
        } else {
            ledger = ledger.waitingFor(fact);
        }
        ledgers.put(record.key(), ledger);
    }

    /** To the concert stage; holds and payments also to the token stage. Stamped with when they happened. */
    private void forward(Record<String, Fact> record, Fact fact) {
        long at = fact.at().toEpochMilli();
        context.forward(record.withKey(fact.concertId()).withValue(fact).withTimestamp(at));
        if (fact.tokenId() != null && (fact.kind() == Fact.Kind.HELD || fact.kind() == Fact.Kind.PAID)) {
            Fact.Kind kind = fact.kind() == Fact.Kind.HELD ? Fact.Kind.TOKEN_HOLD : Fact.Kind.TOKEN_PAYMENT;
            context.forward(record.withKey(fact.tokenId()).withValue(fact.as(kind)).withTimestamp(at));
        }
    }
}
