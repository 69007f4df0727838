package dev.ticketing.payment.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;

class IdempotencyKeyIT extends IntegrationScenario {

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();
    private final String key = UUID.randomUUID().toString();

    @Test
    void aRepeatedChargeWithTheSameKeyChargesOnceAndGetsTheFirstAnswer() {
        Answer first = api().charge(user, "{\"amount\": 5000}", key);
        api().charge(user, 1_000);

        Answer repeat = api().charge(user, "{ \"amount\" : 5000 }", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"balance\":5000}");
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.replayed()).isEqualTo("true");
        assertThat(api().balance(user)).isEqualTo(6_000);
        assertThat(outboxEvents("BalanceCharged", user.toString())).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherAmountIsRefusedAndChargesNothing() {
        api().charge(user, "{\"amount\": 5000}", key);

        Answer other = api().charge(user, "{\"amount\": 6000}", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api().balance(user)).isEqualTo(5_000);
    }

    @Test
    void keysBelongToTheUserAndTheEndpoint() {
        UUID otherUser = newUser();
        api().charge(user, "{\"amount\": 50000}", key);

        assertThat(api().charge(otherUser, "{\"amount\": 7000}", key).body()).isEqualTo("{\"balance\":7000}");
        Answer payment = api().pay(user, token, holdFor(user, 20_000), key);

        assertThat(payment.status()).isEqualTo(201);
        assertThat(api().balance(user)).isEqualTo(30_000);
        assertThat(api().balance(otherUser)).isEqualTo(7_000);
    }

    @Test
    void concurrentDuplicatesChargeOnceAndAllGetTheSameAnswer() throws Exception {
        api().charge(user, 100);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> attempts = IntStream.range(0, 20).mapToObj(i -> clients.submit(() -> {
                start.await();
                return api().charge(user, "{\"amount\": 2500}", key);
            })).toList();
            start.countDown();

            for (Future<Answer> attempt : attempts) {
                assertThat(attempt.get().status()).isEqualTo(200);
                assertThat(attempt.get().body()).isEqualTo("{\"balance\":2600}");
            }
        }
        assertThat(api().balance(user)).isEqualTo(2_600);
        assertThat(outboxEvents("BalanceCharged", user.toString())).isEqualTo(2);
    }

    @Test
    void aRepeatedPaymentWithTheSameKeyPaysOnceAndGetsTheFirstAnswer() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 60_000);
        Answer first = api().pay(user, token, reservation, key);
        api().charge(user, 1_000);

        Answer repeat = api().pay(user, token, reservation, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(api().balance(user)).isEqualTo(41_000);
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isEqualTo(1);
    }

    @Test
    void aRefusedPaymentIsNotRememberedSoItsKeyWorksOnceTheCauseIsFixed() {
        api().charge(user, 10_000);
        UUID reservation = holdFor(user, 20_000);
        assertThat(api().pay(user, token, reservation, key).code()).isEqualTo("INSUFFICIENT_BALANCE");

        api().charge(user, 10_000);
        Answer retry = api().pay(user, token, reservation, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isEqualTo("false");
        assertThat(api().balance(user)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space"}) // non-ASCII cannot be sent through the JDK client: see IdempotencyKeyTest
    void aKeyThatIsNotVisibleAsciiIsAnInvalidRequest(String badKey) {
        Answer answer = api().charge(user, "{\"amount\": 5000}", badKey);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
        assertThat(api().balance(user)).isZero();
    }

    @Test
    void aKeyLongerThan255CharactersIsAnInvalidRequest() {
        assertThat(api().charge(user, "{\"amount\": 5000}", "k".repeat(256)).status()).isEqualTo(400);
        assertThat(api().charge(user, "{\"amount\": 5000}", "k".repeat(255)).status()).isEqualTo(200);
    }
}
