package dev.ticketing.analytics.streams;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import dev.ticketing.analytics.events.EventReader;
import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.figures.MinuteSales;

/**
 * The whole computation, in three keyed stages joined by repartition topics, each with its own store (backed by a
 * changelog topic, from which a restarted instance rebuilds it):
 * <pre>
 * queue.events ──────────────────────────────┐
 * reservation.events ─┬─ by reservation ─ ReservationStage ─┬─ by token ─ TokenStage ─┐
 * payment.events ─────┘                                     └───────────── by concert ┴─ ConcertStage
 *                                                                                      └─ one-minute sales windows
 * </pre>
 * Each record read is checked against its published schema first; poison goes to {@code <topic>.<group>.DLT}.
 * With {@code exactly_once_v2} a record's effects on every store, internal topic and offset commit together, so
 * the only duplicates to drop are the producers' own redeliveries, by eventId, where they are read.
 */
public final class SalesTopology {

    public static final String MINUTE_SALES_STORE = "sales-per-minute";
    public static final String FIGURES_STORE = ConcertStage.STORE;

    /**
     * @param applicationId  the Kafka Streams application id, which is also the consumer group the DLTs are named after
     * @param forgetAfter    how long a reservation's or token's counted event ids are kept after its last event
     * @param minuteGrace    how late (in event time) a sale may arrive and still count in its minute's window
     * @param minuteRetention how long the one-minute windows are kept
     */
    public record Settings(String applicationId, Duration forgetAfter, Duration minuteGrace,
                           Duration minuteRetention) {
    }

    private SalesTopology() {
    }

    public static void build(StreamsBuilder builder, EventReader reader, StreamMeters meters, Settings settings) {
        Serde<String> keys = Serdes.String();
        Serde<Fact> facts = new JsonSerde<>(Fact.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ReservationStage.STORE),
                keys, new JsonSerde<>(Ledger.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TokenStage.STORE),
                keys, new JsonSerde<>(Journey.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConcertStage.STORE),
                keys, new JsonSerde<>(ConcertFigures.class)));

        KStream<String, Fact> queueFacts = read(builder, Topics.QUEUE, reader, meters, settings);
        KStream<String, Fact> reservationFacts = read(builder, Topics.RESERVATION, reader, meters, settings)
                .merge(read(builder, Topics.PAYMENT, reader, meters, settings));

        KStream<String, Fact> fromReservations = reservationFacts
                .selectKey((key, fact) -> fact.reservationId())
                .repartition(Repartitioned.with(keys, facts).withName("by-reservation"))
                .process(() -> new ReservationStage(meters, settings.forgetAfter()), Named.as("reservation-stage"),
                        ReservationStage.STORE);

        KStream<String, Fact> fromTokens = queueFacts
                .selectKey((key, fact) -> fact.tokenId())
                .merge(fromReservations.filter((key, fact) -> fact.kind().forTokenStage()))
                .repartition(Repartitioned.with(keys, facts).withName("by-token"))
                .process(() -> new TokenStage(meters, settings.forgetAfter()), Named.as("token-stage"),
                        TokenStage.STORE);

        KStream<String, Fact> byConcert = fromReservations
                .filterNot((key, fact) -> fact.kind().forTokenStage())
                .merge(fromTokens)
                .repartition(Repartitioned.with(keys, facts).withName("by-concert"));
        byConcert.process(ConcertStage::new, Named.as("concert-stage"), ConcertStage.STORE);
        byConcert
                .filter((concert, fact) -> fact.kind() == Fact.Kind.CONFIRMED)
                .groupByKey(Grouped.with(keys, facts))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), settings.minuteGrace()))
                .aggregate(MinuteSales::none, (concert, sale, minute) -> minute.plus(sale.amount()),
                        Materialized.<String, MinuteSales, WindowStore<Bytes, byte[]>>as(MINUTE_SALES_STORE)
                                .withKeySerde(keys)
                                .withValueSerde(new JsonSerde<>(MinuteSales.class))
                                .withRetention(settings.minuteRetention()));
    }

    /** A topic's records as facts; the unreadable ones to this group's dead-letter topic for that topic. */
    private static KStream<String, Fact> read(StreamsBuilder builder, String topic, EventReader reader,
                                              StreamMeters meters, Settings settings) {
        KStream<String, Reading> readings = builder
                .stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + topic))
                .mapValues(value -> Reading.of(reader, topic, value), Named.as("check-" + topic));
        readings.filter((key, reading) -> reading.isPoison(), Named.as("poison-" + topic))
                .processValues(() -> new DeadLetter(meters, settings.applicationId()), Named.as("dead-letter-" + topic))
                .to(Topics.deadLetters(topic, settings.applicationId()), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return readings.filterNot((key, reading) -> reading.isPoison(), Named.as("readable-" + topic))
                .flatMapValues(reading -> EventFacts.of(reading.event()).map(List::of).orElse(List.of()),
                        Named.as("facts-" + topic));
    }
}
