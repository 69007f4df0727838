package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.PaymentRefunded;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.deadletter.DeadLetterTopics;
import dev.ticketing.payment.payments.application.Refunding;
import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.ReservationEventsPublisher;
import dev.ticketing.payment.support.TopicProbe;

/**
 * ReservationRejected from Kafka gives the payment back, once. "Once" is checked after a later rejection on the
 * same seat (same partition, so consumed after the duplicates) has been refunded: by then the duplicates were
 * consumed too.
 */
class RefundIT extends IntegrationScenario {

    private static final long SCHEDULE = 7;
    private static final int SEAT = 17;

    private final UUID user = newUser();
    private ReservationEventsPublisher reservationEvents;

    @BeforeEach
    void openPublisher() {
        reservationEvents = new ReservationEventsPublisher(bootstrapServers);
    }

    @AfterEach
    void closePublisher() {
        reservationEvents.close();
    }

    @Test
    void aRejectedReservationIsRefundedOnceHoweverOftenItsRejectionArrives() {
        api().charge(user, 100_000);
        Paid paid = pay(user, 30_000);
        try (TopicProbe paymentEvents = TopicProbe.fromEndOf(bootstrapServers, Topics.PAYMENT_EVENTS)) {
            EventEnvelope<ReservationRejected> rejection = EventEnvelope.of(rejected(paid), clock);
            reservationEvents.publish(rejection);
            reservationEvents.publish(rejection);                               // redelivery: same eventId
            reservationEvents.publish(EventEnvelope.of(rejected(paid), clock)); // a second rejection of it
            awaitRefundOfALaterRejectionOnTheSameSeat();

            assertThat(api().balance(user)).isEqualTo(100_000);
            assertThat(status(paid.paymentId())).isEqualTo("REFUNDED");
            assertThat(outboxEvents("PaymentRefunded", user.toString())).isEqualTo(1);
            PaymentRefunded refunded = paymentEvents.awaitEvent(PaymentRefunded.class,
                    event -> event.paymentId().equals(paid.paymentId())).payload();
            assertThat(refunded.amount()).isEqualTo(30_000);
            assertThat(refunded.balance()).isEqualTo(100_000);
            assertThat(refunded.reservationId()).isEqualTo(paid.reservationId());
            http.get().uri("/api/v1/payments/{id}", paid.paymentId()).header("X-User-Id", user.toString()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("REFUNDED");
            // The fan's history shows the refund beside what it gave back, and still adds up to the balance.
            List<JsonNode> history = api().all(user, "/api/v1/balance/history", 20);
            assertThat(history).extracting(entry -> entry.get("kind").asString())
                    .containsExactly("REFUND", "PAYMENT", "CHARGE");
            assertThat(history).extracting(entry -> entry.get("amount").asLong())
                    .containsExactly(30_000L, -30_000L, 100_000L);
            assertThat(history).extracting(entry -> entry.get("balanceAfter").asLong())
                    .containsExactly(100_000L, 70_000L, 100_000L);
            assertThat(history.getFirst().get("paymentId").asString()).isEqualTo(paid.paymentId().toString());
            JsonNode listed = api().all(user, "/api/v1/payments", 20).getFirst();
            assertThat(listed.get("status").asString()).isEqualTo("REFUNDED");
            assertThat(listed.get("refundedAt").asString()).isEqualTo(history.getFirst().get("at").asString());
        }
    }

    @Test
    void otherReservationEventsMoveNoMoney() {
        api().charge(user, 100_000);
        Paid paid = pay(user, 30_000);
        reservationEvents.publish(EventEnvelope.of(new ReservationConfirmed(paid.reservationId(), user,
                UUID.randomUUID(), SCHEDULE, LocalDate.of(2026, 12, 24), SEAT, paid.paymentId(), 30_000,
                clock.instant()), clock));
        awaitRefundOfALaterRejectionOnTheSameSeat();

        assertThat(api().balance(user)).isEqualTo(70_000);
        assertThat(status(paid.paymentId())).isEqualTo("COMPLETED");
    }

    @Test
    void aRejectionOfAPaymentThisServiceNeverTookEndsInTheDeadLetterTopic() {
        try (TopicProbe deadLetters = TopicProbe.fromEndOf(bootstrapServers,
                DeadLetterTopics.of(Topics.RESERVATION_EVENTS, Refunding.CONSUMER))) {
            UUID unknownPayment = UUID.randomUUID();
            EventEnvelope<ReservationRejected> rejection = EventEnvelope.of(new ReservationRejected(UUID.randomUUID(),
                    user, UUID.randomUUID(), SCHEDULE, LocalDate.of(2026, 12, 24), SEAT, unknownPayment, 30_000,
                    ReservationRejected.Reason.HOLD_EXPIRED, clock.instant()), clock);
            reservationEvents.publish(rejection);

            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecordsWithKey(rejection.key(), 1).stream()
                    .filter(record -> new String(record.value(), StandardCharsets.UTF_8)
                            .contains(unknownPayment.toString()))
                    .findFirst().orElseThrow();
            assertThat(TopicProbe.read(deadLetter.value()).eventId()).isEqualTo(rejection.eventId());
            assertThat(api().balance(user)).isZero();
        }
    }

    /** Pays, rejects and awaits the refund of another user's payment on the same seat key. */
    private void awaitRefundOfALaterRejectionOnTheSameSeat() {
        UUID sentinelUser = newUser();
        api().charge(sentinelUser, 1_000);
        Paid sentinel = pay(sentinelUser, 1_000);
        reservationEvents.publish(EventEnvelope.of(rejected(sentinel), clock));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(sentinel.paymentId())));
    }

    private Paid pay(UUID payer, long price) {
        UUID reservation = holdFor(payer, price);
        String paymentId = api().pay(payer, UUID.randomUUID(), reservation, null).json().get("paymentId").asString();
        return new Paid(payer, reservation, UUID.fromString(paymentId), price);
    }

    private ReservationRejected rejected(Paid paid) {
        return new ReservationRejected(paid.reservationId(), paid.userId(), UUID.randomUUID(), SCHEDULE,
                LocalDate.of(2026, 12, 24), SEAT, paid.paymentId(), paid.amount(),
                ReservationRejected.Reason.HOLD_EXPIRED, clock.instant());
    }

    private String status(UUID paymentId) {
        return jdbc.queryForObject("SELECT status FROM payment WHERE id = ?", String.class, paymentId.toString());
    }

    private record Paid(UUID userId, UUID reservationId, UUID paymentId, long amount) {
    }
}
