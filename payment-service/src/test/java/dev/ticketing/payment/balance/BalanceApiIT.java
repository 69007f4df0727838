package dev.ticketing.payment.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.Topics;
import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi;
import dev.ticketing.payment.support.TopicProbe;
import dev.ticketing.web.load.ShedRequests;

class BalanceApiIT extends IntegrationScenario {

    @Test
    void aUserWhoNeverChargedHasABalanceOfZero() {
        http.get().uri("/api/v1/balance").header("X-User-Id", newUser().toString()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(0);
    }

    @Test
    void aChargeAddsToTheBalanceAndIsAnnouncedOnKafka() {
        UUID user = newUser();
        try (TopicProbe paymentEvents = TopicProbe.fromEndOf(bootstrapServers, Topics.PAYMENT_EVENTS)) {
            assertThat(api().charge(user, 30_000).body()).isEqualTo("{\"balance\":30000}");
            assertThat(api().charge(user, 12_500).body()).isEqualTo("{\"balance\":42500}");

            assertThat(api().balance(user)).isEqualTo(42_500);
            EventEnvelope<BalanceCharged> second = paymentEvents.awaitEvent(BalanceCharged.class,
                    charged -> charged.userId().equals(user) && charged.amount() == 12_500);
            assertThat(second.payload().balance()).isEqualTo(42_500);
            assertThat(second.aggregateId()).isEqualTo(user.toString());
            assertThat(jdbc.queryForList("SELECT amount FROM balance_charge WHERE user_id = ? ORDER BY charged_at",
                    Long.class, user.toString())).containsExactly(30_000L, 12_500L);
        }
    }

    @Test
    void theLargestChargeIsTenMillionWon() {
        UUID user = newUser();

        assertThat(api().charge(user, 10_000_000).status()).isEqualTo(200);
        assertThat(api().charge(user, 10_000_001).status()).isEqualTo(400);
        assertThat(api().balance(user)).isEqualTo(10_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\": 0}", "{\"amount\": -1}", "{\"amount\": 10000001}", "{\"amount\": 1.5}",
            "{\"amount\": \"10\"}", "{\"amount\": null}", "{\"amount\": true}", "{}", "{\"amount\": 10",
            "[10]", "", "{\"amount\": 99999999999999999999}"})
    void anAmountThatIsNotAnIntegerFromOneToTenMillionIsRefusedAndChangesNothing(String body) {
        UUID user = newUser();
        api().charge(user, 500);

        PaymentApi.Answer answer = api().charge(user, body, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
        assertThat(api().balance(user)).isEqualTo(500);
        assertThat(outboxEvents("BalanceCharged", user.toString())).isEqualTo(1);
    }

    @Test
    void withoutTheUserIdHeaderTheTokenIsInvalid() {
        http.get().uri("/api/v1/balance").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
        http.post().uri("/api/v1/balance/charges").contentType(MediaType.APPLICATION_JSON).body("{\"amount\": 100}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aMalformedUserIdIsAnInvalidRequest() {
        http.get().uri("/api/v1/balance").header("X-User-Id", "not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    /**
     * A burst larger than the in-flight limit: what the service cannot take now is shed (503 SERVICE_BUSY,
     * Retry-After) and changes nothing; each client sends its charge again after Retry-After with the same
     * Idempotency-Key, as the documented clients do, until it is answered. Every charge then counts exactly once.
     */
    @Test
    void aHundredConcurrentChargesAllCountOnceEvenWhenSomeAreShedAndRetried() throws Exception {
        UUID user = newUser();
        CountDownLatch start = new CountDownLatch(1);
        try (TopicProbe paymentEvents = TopicProbe.fromEndOf(bootstrapServers, Topics.PAYMENT_EVENTS);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PaymentApi.Answer>> answers = IntStream.range(0, 100)
                    .mapToObj(i -> clients.submit(() -> {
                        start.await();
                        return chargeRetryingSheds(user, 10, UUID.randomUUID().toString());
                    }))
                    .toList();
            start.countDown();

            for (Future<PaymentApi.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
            assertThat(api().balance(user)).isEqualTo(1_000);
            assertThat(outboxEvents("BalanceCharged", user.toString())).isEqualTo(100);
            // Each charge saw the one before it: the announced balances are exactly 10, 20, ..., 1000.
            List<ConsumerRecord<String, byte[]>> records = paymentEvents.awaitRecordsWithKey(user.toString(), 100);
            assertThat(records).map(record -> ((BalanceCharged) TopicProbe.read(record.value()).payload()).balance())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 100).mapToObj(i -> i * 10L).toList());
        }
    }

    private PaymentApi.Answer chargeRetryingSheds(UUID user, long amount, String idempotencyKey)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            PaymentApi.Answer answer = api().charge(user, "{\"amount\": " + amount + "}", idempotencyKey);
            if (answer.status() != 503 || answer.headers().firstValue(ShedRequests.SHED_HEADER).isEmpty()
                    || attempt == 10) {
                return answer;
            }
            assertThat(answer.body()).contains("SERVICE_BUSY");
            long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
            Thread.sleep(Duration.ofSeconds(retryAfter));
        }
    }
}
