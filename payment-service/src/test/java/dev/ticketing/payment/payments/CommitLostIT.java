package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.LinkCuttingTransactionManager;
import dev.ticketing.payment.support.PaymentApi.Answer;

/**
 * The database lost at the moment a payment or charge commits (stopped, failed over, the connection killed): the
 * commit fails, the pool closes the connection, and the transaction manager does not try to roll back on it
 * (common-web's LostConnectionTransactionManager), so the commit's own failure reaches the web layer and no
 * "overridden by rollback exception" ERROR hides it. The client gets 503 with Retry-After, never a 500, and the same
 * request sent again with its Idempotency-Key tells the outcome (here: applied once, on the retry). Seen under the
 * fault-injection test of the whole stack, where a payment in flight while MariaDB stopped was answered 500.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommitLostIT extends IntegrationScenario {

    @Autowired
    LinkCuttingTransactionManager transactions;

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

    @AfterEach
    void disarm() {
        transactions.disarm();
    }

    @Test
    void aPaymentWhoseCommitLosesTheDatabaseIsServiceUnavailableAndItsRetryPaysOnce(CapturedOutput output) {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 30_000);
        String key = UUID.randomUUID().toString();

        transactions.cutTheNextRequestsCommit();
        Answer lost = api().pay(user, token, reservation, key);

        assertThat(transactions.stillArmed()).as("the payment's commit was cut").isFalse();
        assertLostDatabaseAnswer(lost);
        assertThat(output).as("the commit's failure, not a rollback's, is what the service saw")
                .doesNotContain("overridden by rollback exception");
        assertThat(api().balance(user)).as("the killed transaction rolled back").isEqualTo(100_000);
        assertThat(paymentRows(reservation)).isZero();

        Answer retried = api().pay(user, token, reservation, key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(api().pay(user, token, reservation, key).replayed()).isEqualTo("true");
        assertThat(api().balance(user)).isEqualTo(70_000);
        assertThat(paymentRows(reservation)).isEqualTo(1);
    }

    @Test
    void aChargeWhoseCommitLosesTheDatabaseIsServiceUnavailableAndItsRetryChargesOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":25000}";

        transactions.cutTheNextRequestsCommit();
        Answer lost = api().charge(user, body, key);

        assertThat(transactions.stillArmed()).as("the charge's commit was cut").isFalse();
        assertLostDatabaseAnswer(lost);
        assertThat(api().balance(user)).isZero();

        assertThat(api().charge(user, body, key).status()).isEqualTo(200);
        assertThat(api().charge(user, body, key).replayed()).isEqualTo("true");
        assertThat(api().balance(user)).isEqualTo(25_000);
    }

    private static void assertLostDatabaseAnswer(Answer lost) {
        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        assertThat(lost.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(lost.header("Retry-After")).isNotBlank();
        assertThat(lost.header("Content-Type")).startsWith("application/problem+json");
        assertThat(lost.body()).contains("Idempotency-Key");
    }
}
