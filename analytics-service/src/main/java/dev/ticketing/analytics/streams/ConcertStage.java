package dev.ticketing.analytics.streams;

import java.util.function.UnaryOperator;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.figures.DateFigures;

/**
 * Keyed by concert: adds every fact of the stages before it to the concert's figures. Facts reach it exactly once
 * (deduplicated where they were read, and passed on within the same transaction), so it only adds.
 */
final class ConcertStage implements Processor<String, Fact, Void, Void> {

    static final String STORE = "concert-figures";

    private KeyValueStore<String, ConcertFigures> figures;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.figures = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Fact> record) {
        Fact fact = record.value();
        ConcertFigures concert = figures.get(record.key());
        if (concert == null) {
            concert = ConcertFigures.of(record.key());
        }
        figures.put(record.key(), add(concert, fact));
    }

    static ConcertFigures add(ConcertFigures concert, Fact fact) {
        return switch (fact.kind()) {
            case JOINED -> concert.joined();
            case ADMITTED -> concert.admitted();
            case ABANDONED -> concert.abandoned();
            case FIRST_HOLD -> concert.fanHeld();
            case FIRST_PAYMENT -> concert.fanPaid();
            case JOIN_TO_PURCHASE -> concert.purchaseAfter(fact.amount() / 1000.0);
            case HELD -> onDate(concert, fact, DateFigures::held);
            case HOLD_EXPIRED -> onDate(concert, fact, DateFigures::expired);
            case CONFIRMED -> onDate(concert, fact, DateFigures::confirmed);
            case REJECTED -> onDate(concert, fact, DateFigures::rejected);
            case PAID -> onDate(concert, fact, date -> date.paid(fact.amount()));
            case REFUNDED -> onDate(concert, fact, date -> date.refunded(fact.amount()));
            case TOKEN_ENDED, TOKEN_HOLD, TOKEN_PAYMENT -> concert; // never routed here
        };
    }

    private static ConcertFigures onDate(ConcertFigures concert, Fact fact, UnaryOperator<DateFigures> change) {
        return concert.onDate(fact.scheduleId(), fact.date(), change);
    }
}
