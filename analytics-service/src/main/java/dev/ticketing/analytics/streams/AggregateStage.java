package dev.ticketing.analytics.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A stage that keeps one aggregate per key (a reservation's ledger, a token's journey) with the ids of the events
 * it has counted, forgets aggregates untouched for {@code forgetAfter}, and passes facts on stamped with when they
 * happened, so downstream windows are in event time.
 */
abstract class AggregateStage<A> implements Processor<String, Fact, String, Fact> {

    protected final StreamMeters meters;
    private final String storeName;
    private final Duration forgetAfter;
    private final Supplier<A> empty;
    private final Function<A, Instant> lastSeen;
    protected ProcessorContext<String, Fact> context;
    private KeyValueStore<String, A> store;

    AggregateStage(StreamMeters meters, String storeName, Duration forgetAfter, Supplier<A> empty,
                   Function<A, Instant> lastSeen) {
        this.meters = meters;
        this.storeName = storeName;
        this.forgetAfter = forgetAfter;
        this.empty = empty;
        this.lastSeen = lastSeen;
    }

    @Override
    public final void init(ProcessorContext<String, Fact> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME,
                now -> StoreSweep.forget(store, lastSeen, Instant.ofEpochMilli(now).minus(forgetAfter)));
    }

    @Override
    public final void process(Record<String, Fact> record) {
        A aggregate = store.get(record.key());
        A changed = apply(record, aggregate == null ? empty.get() : aggregate);
        if (changed != null) {
            store.put(record.key(), changed);
        }
    }

    /** The aggregate after the record's fact, or null when the fact changed nothing (a duplicate). */
    abstract A apply(Record<String, Fact> record, A aggregate);

    Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    void forward(Record<String, ?> cause, String key, Fact fact) {
        context.forward(cause.withKey(key).withValue(fact).withTimestamp(fact.at().toEpochMilli()));
    }
}
