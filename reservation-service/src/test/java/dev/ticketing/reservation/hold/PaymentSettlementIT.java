package dev.ticketing.reservation.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.PaymentRefunded;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.deadletter.DeadLetterTopics;
import dev.ticketing.reservation.hold.application.SettlingPayment;
import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.PaymentEventsPublisher;
import dev.ticketing.reservation.testing.ReservationBody;
import dev.ticketing.reservation.testing.ReservationEventsProbe;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.reservation.testing.TestClock;
import dev.ticketing.testsupport.KafkaTopicProbe;

/** The saga step: a completed payment confirms its hold, or is rejected (and so refunded) if the hold was lost. */
@ReservationIntegrationTest
class PaymentSettlementIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final ConcertDate date = CatalogStub.get().openDate();
    private PaymentEventsPublisher payments;
    private ReservationTable table;

    @BeforeEach
    void connect() {
        payments = new PaymentEventsPublisher(kafka);
        table = new ReservationTable(jdbc);
    }

    @AfterEach
    void disconnect() {
        payments.close();
    }

    @Test
    void thePaymentOfTheHolderConfirmsTheSeatAndIsAnnouncedOnKafka() {
        Fan fan = Fan.admittedTo(date.concertId());
        double confirmedBefore = meters.counter("ticketing.reservation.confirmed").count();
        try (ReservationEventsProbe events = ReservationEventsProbe.fromNow(kafka)) {
            ReservationBody held = hold(fan, 1);
            PaymentCompleted paid = payment(fan, held);

            payments.publish(paid, clock);

            ReservationEventsProbe.Received received = events.awaitEvent(ReservationConfirmed.class,
                    held.reservationId());
            ReservationConfirmed confirmed = (ReservationConfirmed) received.event();
            assertThat(received.key()).isEqualTo(date.scheduleId() + ":1");
            assertThat(confirmed.paymentId()).isEqualTo(paid.paymentId());
            assertThat(confirmed.price()).isEqualTo(held.price());
            assertThat(confirmed.userId()).isEqualTo(fan.userId());
            fan.get(http, held.reservationId()).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        }
        assertThat(meters.counter("ticketing.reservation.confirmed").count()).isEqualTo(confirmedBefore + 1);
    }

    @Test
    void aSecondPaymentForAConfirmedReservationIsRejectedSoThatItIsRefunded() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 3);
        payments.publish(payment(fan, held), clock);
        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("CONFIRMED"));
        PaymentCompleted second = payment(fan, held);

        EventEnvelope<PaymentCompleted> delivered = payments.publish(second, clock);

        await().atMost(PATIENCE).until(() -> table.processed(delivered.eventId()));
        List<ReservationRejected> rejections = eventsOf(held, ReservationRejected.class);
        assertThat(rejections).singleElement().satisfies(rejected -> {
            assertThat(rejected.paymentId()).isEqualTo(second.paymentId());
            assertThat(rejected.reason()).isEqualTo(ReservationRejected.Reason.ALREADY_CONFIRMED);
        });
        assertThat(table.status(held.reservationId())).isEqualTo("CONFIRMED");
    }

    @Test
    void theSamePaymentDeliveredAgainHasNoSecondEffect() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 4);
        PaymentCompleted paid = payment(fan, held);
        EventEnvelope<PaymentCompleted> first = payments.publish(paid, clock);

        payments.publish(first);
        // payment-service publishing the same payment under a new event id is absorbed by the state machine.
        payments.publish(paid, clock);
        // The user's events share a partition: once this later one is applied, the repeats before it were too.
        Fan sameUser = fan.withNewToken();
        ReservationBody marker = hold(sameUser, 5);
        payments.publish(payment(sameUser, marker), clock);
        await().atMost(PATIENCE).until(() -> table.status(marker.reservationId()).equals("CONFIRMED"));

        assertThat(eventsOf(held, ReservationConfirmed.class)).hasSize(1);
        assertThat(eventsOf(held, ReservationRejected.class)).isEmpty();
        assertThat(table.status(held.reservationId())).isEqualTo("CONFIRMED");
    }

    @Test
    void otherPaymentEventsAreIgnored() {
        Fan fan = Fan.admittedTo(date.concertId());
        EventEnvelope<BalanceCharged> charged = payments.publish(
                new BalanceCharged(fan.userId(), UUID.randomUUID(), 500_000, 500_000, clock.instant()), clock);
        EventEnvelope<PaymentRefunded> refunded = payments.publish(new PaymentRefunded(UUID.randomUUID(),
                UUID.randomUUID(), fan.userId(), 1_000, 501_000, clock.instant()), clock);
        ReservationBody held = hold(fan, 6);

        payments.publish(payment(fan, held), clock);

        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("CONFIRMED"));
        assertThat(table.processed(charged.eventId())).isFalse();
        assertThat(table.processed(refunded.eventId())).isFalse();
    }

    @Test
    void aPaymentForAReservationThisServiceNeverHadGoesToTheDeadLetterTopic() {
        Fan fan = Fan.admittedTo(date.concertId());
        PaymentCompleted stray = new PaymentCompleted(UUID.randomUUID(), UUID.randomUUID(), fan.userId(),
                fan.tokenId(), 1_000, 0, clock.instant());
        try (KafkaTopicProbe deadLetters = KafkaTopicProbe.fromEndOf(kafka, DeadLetterTopics.of(Topics.PAYMENT_EVENTS, SettlingPayment.CONSUMER))) {
            EventEnvelope<PaymentCompleted> published = payments.publish(stray, clock);

            ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord(record -> new EventSerde()
                    .read(record.value()).eventId().equals(published.eventId()));

            assertThat(dead.key()).isEqualTo(fan.userId().toString());
            // Each failed attempt rolled back, its inbox mark with it: nothing claims the event was applied.
            assertThat(table.processed(published.eventId())).isFalse();
        }
    }

    private ReservationBody hold(Fan fan, int seat) {
        return fan.hold(http, date.date(), seat).expectStatus().isCreated()
                .expectBody(ReservationBody.class).returnResult().getResponseBody();
    }

    private PaymentCompleted payment(Fan fan, ReservationBody held) {
        return new PaymentCompleted(UUID.randomUUID(), held.reservationId(), fan.userId(), fan.tokenId(),
                held.price(), 1_000_000, clock.instant());
    }

    private <E extends ReservationEvent> List<E> eventsOf(ReservationBody held, Class<E> type) {
        return table.outboxEventsOfSeat(date.scheduleId(), held.seatNumber()).stream()
                .filter(type::isInstance).map(type::cast)
                .filter(event -> event.reservationId().equals(held.reservationId()))
                .toList();
    }
}
