package dev.ticketing.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ticketing.analytics.Fan;
import dev.ticketing.analytics.events.EventReader;
import dev.ticketing.analytics.events.PublishedSchemas;
import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.figures.DateFigures;
import dev.ticketing.analytics.figures.MinuteSales;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SalesTopologyTest {

    private static final String GROUP = "analytics-sales";
    private static final Instant T0 = Instant.parse("2026-12-24T10:00:00Z");
    private static final long PRICE = 150_000;

    private final UUID concert = UUID.randomUUID();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> queue;
    private TestInputTopic<String, byte[]> reservations;
    private TestInputTopic<String, byte[]> payments;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        SalesTopology.build(builder, new EventReader(PublishedSchemas.released()), new StreamMeters(registry),
                new SalesTopology.Settings(GROUP, Duration.ofDays(14), Duration.ofMinutes(10), Duration.ofDays(7)));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, GROUP);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), config);
        queue = input(Topics.QUEUE);
        reservations = input(Topics.RESERVATION);
        payments = input(Topics.PAYMENT);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aFanWhoJoinsHoldsAndPaysIsCountedAtEveryStepOfTheFunnelAndInTheSales() {
        Fan fan = new Fan(concert, 42, "2026-12-24", 17);

        queue.pipeInput(fan.token.toString(), fan.admitted(T0, T0.plusSeconds(30)));
        reservations.pipeInput(fan.seatKey(), fan.held(PRICE, T0.plusSeconds(40)));
        payments.pipeInput(fan.user.toString(), fan.paid(PRICE, T0.plusSeconds(95)));
        reservations.pipeInput(fan.seatKey(), fan.confirmed(PRICE, T0.plusSeconds(96)));
        queue.pipeInput(fan.token.toString(), fan.tokenExpired("PAID", T0, T0.plusSeconds(97)));

        ConcertFigures figures = figures();
        assertThat(List.of(figures.joins(), figures.admissions(), figures.fansHeld(), figures.fansPaid(),
                figures.abandons())).containsExactly(1L, 1L, 1L, 1L, 0L);
        DateFigures date = figures.dates().get(42L);
        assertThat(date.date()).isEqualTo("2026-12-24");
        assertThat(List.of(date.holds(), date.confirmations(), date.payments(), date.paidAmount(), date.revenue(),
                date.expiries(), date.refunds())).containsExactly(1L, 1L, 1L, PRICE, PRICE, 0L, 0L);
        assertThat(figures.joinToPurchase().count()).isEqualTo(1);
        assertThat(figures.joinToPurchase().sumSeconds()).isEqualTo(95.0);
        assertThat(figures.joinToPurchase().cumulative(2)).as("within 60 s").isZero();
        assertThat(figures.joinToPurchase().cumulative(3)).as("within 120 s").isEqualTo(1);
        assertThat(minutes()).containsExactly(KeyValue.pair(T0.plusSeconds(60), new MinuteSales(1, PRICE)));
    }

    @Test
    void everyEventDeliveredTwiceCountsOnce() {
        Fan fan = new Fan(concert, 42, "2026-12-24", 17);
        List<TestInputTopicAndValue> journey = List.of(
                new TestInputTopicAndValue(queue, fan.token.toString(), fan.admitted(T0, T0.plusSeconds(5))),
                new TestInputTopicAndValue(reservations, fan.seatKey(), fan.held(PRICE, T0.plusSeconds(10))),
                new TestInputTopicAndValue(payments, fan.user.toString(), fan.paid(PRICE, T0.plusSeconds(20))),
                new TestInputTopicAndValue(reservations, fan.seatKey(), fan.confirmed(PRICE, T0.plusSeconds(21))));

        journey.forEach(TestInputTopicAndValue::pipe);
        ConcertFigures once = figures();
        journey.forEach(TestInputTopicAndValue::pipe);

        assertThat(figures()).isEqualTo(once);
        assertThat(minutes()).containsExactly(KeyValue.pair(T0, new MinuteSales(1, PRICE)));
        assertThat(registry.get("ticketing.analytics.events").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count()).sum()).isEqualTo(4.0);
    }

    @Test
    void aPaymentReadBeforeItsReservationIsCountedForTheReservationsDateOnceThatArrives() {
        Fan fan = new Fan(concert, 7, "2026-12-25", 3);

        payments.pipeInput(fan.user.toString(), fan.paid(PRICE, T0.plusSeconds(20)));
        assertThat(driver.getKeyValueStore(ConcertStage.STORE).get(concert.toString())).isNull();
        reservations.pipeInput(fan.seatKey(), fan.held(PRICE, T0.plusSeconds(10)));

        DateFigures date = figures().dates().get(7L);
        assertThat(List.of(date.holds(), date.payments(), date.paidAmount())).containsExactly(1L, 1L, PRICE);
        assertThat(figures().fansPaid()).isEqualTo(1);
    }

    @Test
    void aJoinTimeLearnedAfterThePaymentStillTimesThePurchase() {
        Fan fan = new Fan(concert, 7, "2026-12-25", 3);

        reservations.pipeInput(fan.seatKey(), fan.held(PRICE, T0.plusSeconds(10)));
        payments.pipeInput(fan.user.toString(), fan.paid(PRICE, T0.plusSeconds(700)));
        assertThat(figures().joinToPurchase().count()).isZero();
        queue.pipeInput(fan.token.toString(), fan.admitted(T0, T0.plusSeconds(5)));

        assertThat(figures().joinToPurchase().count()).isEqualTo(1);
        assertThat(figures().joinToPurchase().quantile(0.5)).isBetween(600.0, 1800.0);
    }

    @Test
    void aPaymentForALostHoldIsRefundedAndEarnsNothing() {
        Fan fan = new Fan(concert, 42, "2026-12-24", 9);

        reservations.pipeInput(fan.seatKey(), fan.held(PRICE, T0));
        reservations.pipeInput(fan.seatKey(), fan.holdExpired(T0.plusSeconds(300)));
        payments.pipeInput(fan.user.toString(), fan.paid(PRICE, T0.plusSeconds(300)));
        reservations.pipeInput(fan.seatKey(), fan.rejected(PRICE, T0.plusSeconds(301)));
        payments.pipeInput(fan.user.toString(), fan.refunded(PRICE, T0.plusSeconds(302)));

        DateFigures date = figures().dates().get(42L);
        assertThat(List.of(date.holds(), date.expiries(), date.rejections(), date.payments(), date.refunds(),
                date.refundedAmount(), date.revenue(), date.seatsSold())).containsExactly(1L, 1L, 1L, 1L, 1L, PRICE, 0L, 0L);
        assertThat(minutes()).isEmpty();
    }

    @Test
    void aFanWhoStopsWaitingIsAJoinAndAnAbandonButNoAdmission() {
        Fan fan = new Fan(concert, 42, "2026-12-24", 1);

        queue.pipeInput(fan.token.toString(), fan.tokenExpired("ABANDONED", T0, T0.plusSeconds(60)));

        assertThat(List.of(figures().joins(), figures().abandons(), figures().admissions())).containsExactly(1L, 1L, 0L);
    }

    @Test
    void unreadableRecordsGoToThisGroupsDeadLetterTopicsUnchangedAndTheStreamGoesOn() {
        Fan fan = new Fan(concert, 42, "2026-12-24", 17);
        byte[] notJson = "{\"eventId\":".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = replace(fan.held(PRICE, T0), "\"ReservationHeld\"", "\"SeatSold\"");
        byte[] version2 = replace(fan.held(PRICE, T0), "\"schemaVersion\":1", "\"schemaVersion\":2");
        byte[] seat51 = replace(fan.held(PRICE, T0), "\"seatNumber\":17", "\"seatNumber\":51");
        byte[] wrongTopic = fan.paid(PRICE, T0);

        reservations.pipeInput("a", notJson);
        reservations.pipeInput("b", unknownType);
        reservations.pipeInput("c", version2);
        reservations.pipeInput("d", seat51);
        reservations.pipeInput("e", wrongTopic);
        payments.pipeInput(fan.user.toString(), fan.charged(10_000, T0));
        reservations.pipeInput(fan.seatKey(), fan.held(PRICE, T0));

        TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(
                Topics.deadLetters(Topics.RESERVATION, GROUP), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("a", "b", "c", "d", "e");
        assertThat(dead.getFirst().value()).isEqualTo(notJson);
        assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("SeatSold");
        assertThat(header(dead.get(2), "kafka_dlt-exception-message")).contains("v2");
        assertThat(header(dead.get(3), "kafka_dlt-exception-message")).contains("seatNumber");
        assertThat(header(dead.get(3), "kafka_dlt-original-topic")).isEqualTo(Topics.RESERVATION);
        assertThat(header(dead.get(3), "kafka_dlt-original-consumer-group")).isEqualTo(GROUP);
        assertThat(driver.createOutputTopic(Topics.deadLetters(Topics.PAYMENT, GROUP), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).isEmpty()).as("a balance top-up is readable, just not a sale").isTrue();
        assertThat(figures().dates().get(42L).holds()).as("the good record after the poison").isEqualTo(1);
    }

    private ConcertFigures figures() {
        ConcertFigures figures = driver.<String, ConcertFigures>getKeyValueStore(ConcertStage.STORE).get(concert.toString());
        assertThat(figures).as("figures of the concert").isNotNull();
        return figures;
    }

    private List<KeyValue<Instant, MinuteSales>> minutes() {
        try (KeyValueIterator<Windowed<String>, MinuteSales> all = driver.<String, MinuteSales>getWindowStore(
                SalesTopology.MINUTE_SALES_STORE).all()) {
            List<KeyValue<Instant, MinuteSales>> minutes = new ArrayList<>();
            all.forEachRemaining(entry -> minutes.add(KeyValue.pair(entry.key.window().startTime(), entry.value)));
            return minutes;
        }
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    private static byte[] replace(byte[] json, String from, String to) {
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private record TestInputTopicAndValue(TestInputTopic<String, byte[]> topic, String key, byte[] value) {
        void pipe() {
            topic.pipeInput(key, value);
        }
    }
}
