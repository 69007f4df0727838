package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.Topics;
import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;
import dev.ticketing.payment.support.TopicProbe;
import dev.ticketing.testsupport.web.CalledServiceMetrics;

class PaymentApiIT extends IntegrationScenario {

    @Autowired
    MeterRegistry meters;

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

    @Test
    void payingAHeldReservationTakesItsPriceAndAnnouncesPaymentCompletedWithTheHoldsToken() {
        api().charge(user, 200_000);
        UUID reservation = holdFor(user, 150_000);
        try (TopicProbe paymentEvents = TopicProbe.fromEndOf(bootstrapServers, Topics.PAYMENT_EVENTS)) {
            Answer paid = api().pay(user, token, reservation, null);

            assertThat(paid.status()).isEqualTo(201);
            String paymentId = paid.json().get("paymentId").asString();
            assertThat(paid.body()).isEqualTo("""
                    {"paymentId":"%s","reservationId":"%s","amount":150000,"status":"COMPLETED","balance":50000}"""
                    .formatted(paymentId, reservation));
            assertThat(api().balance(user)).isEqualTo(50_000);
            http.get().uri("/api/v1/payments/{id}", paymentId).header("X-User-Id", user.toString()).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(paid.body());
            EventEnvelope<PaymentCompleted> completed = paymentEvents.awaitEvent(PaymentCompleted.class,
                    event -> event.reservationId().equals(reservation));
            assertThat(completed.payload()).satisfies(event -> {
                assertThat(event.paymentId()).hasToString(paymentId);
                assertThat(event.userId()).isEqualTo(user);
                // The token that made the hold, which queue-service expires; not whichever token paid.
                assertThat(event.tokenId()).isEqualTo(reservationService.tokenOf(reservation));
                assertThat(event.amount()).isEqualTo(150_000);
                assertThat(event.balance()).isEqualTo(50_000);
            });
        }
    }

    @Test
    void aPaymentCarriesTheCallersTraceToReservationServiceAndOntoPaymentCompleted() {
        api().charge(user, 200_000);
        UUID reservation = holdFor(user, 150_000);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = "00-" + traceId + "-00f067aa0ba902b7-01";
        try (TopicProbe paymentEvents = TopicProbe.fromEndOf(bootstrapServers, Topics.PAYMENT_EVENTS)) {
            assertThat(api().payInTrace(user, token, reservation, gatewaySpan).status()).isEqualTo(201);

            // The call to reservation-service is a span of the payment's trace, on its virtual thread too.
            assertThat(reservationService.traceParentOf(reservation)).startsWith("00-" + traceId + "-")
                    .isNotEqualTo(gatewaySpan);
            // The relay publishes PaymentCompleted in a producer span of the same trace, carried on the headers.
            ConsumerRecord<String, byte[]> completed = paymentEvents.awaitRecord(PaymentCompleted.class,
                    event -> event.reservationId().equals(reservation));
            Header traceParent = completed.headers().lastHeader("traceparent");
            assertThat(traceParent).isNotNull();
            assertThat(new String(traceParent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-")
                    .isNotEqualTo(gatewaySpan);
        }
    }

    @Test
    void callsToReservationServiceAreMeasuredByNameBesideItsBreakerAndTimeLimiter() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 10_000);
        assertThat(api().pay(user, token, reservation, null).status()).isEqualTo(201);

        assertThat(meters.get("http.client.requests").tag("client.name", "reservation-service")
                .tag("uri", "/internal/v1/reservations/{reservationId}/payment-claim").timer().count()).isPositive();
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        CalledServiceMetrics.assertMeasuredBesideItsBreakerAndTimeLimiter(scrape, "reservation-service");
    }

    @Test
    void ofTwoConcurrentPaymentsForOneReservationExactlyOneSucceeds() throws Exception {
        api().charge(user, 100_000); // enough for both: only ALREADY_PAID can refuse the second
        UUID reservation = holdFor(user, 40_000);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> attempts = IntStream.range(0, 2).mapToObj(i -> clients.submit(() -> {
                start.await();
                return api().pay(user, token, reservation, null);
            })).toList();
            start.countDown();

            List<Answer> answers = attempts.stream().map(PaymentApiIT::get).toList();
            assertThat(answers).map(Answer::status).containsExactlyInAnyOrder(201, 409);
            assertThat(answers).filteredOn(answer -> answer.status() == 409).map(Answer::code)
                    .containsExactly("ALREADY_PAID");
        }
        assertThat(api().balance(user)).isEqualTo(60_000);
        assertThat(paymentRows(reservation)).isEqualTo(1);
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isEqualTo(1);
    }

    @Test
    void anInsufficientBalanceChangesNothingAndTheSamePaymentSucceedsAfterACharge() {
        api().charge(user, 10_000);
        UUID reservation = holdFor(user, 10_001);

        Answer refused = api().pay(user, token, reservation, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(api().balance(user)).isEqualTo(10_000);
        assertThat(paymentRows(reservation)).isZero();
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isZero();

        api().charge(user, 1);
        Answer paid = api().pay(user, token, reservation, null);

        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.json().get("balance").asLong()).isZero();
    }

    @Test
    void aPaymentIsVisibleOnlyToItsOwner() {
        api().charge(user, 100_000);
        String paymentId = api().pay(user, token, holdFor(user, 30_000), null).json().get("paymentId").asString();

        http.get().uri("/api/v1/payments/{id}", paymentId).header("X-User-Id", newUser().toString()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PAYMENT_NOT_FOUND");
        http.get().uri("/api/v1/payments/{id}", UUID.randomUUID()).header("X-User-Id", user.toString()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PAYMENT_NOT_FOUND");
        http.get().uri("/api/v1/payments/{id}", paymentId).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
    }

    private static Answer get(Future<Answer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
