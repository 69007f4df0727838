package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;

/**
 * When reservation-service cannot answer, a payment is a quick 503 that changed nothing, never a hang or a 500; when it
 * is busy (it shed the call, the circuit is open, or it did not answer within the payment's time) the payment is shed
 * in turn.
 */
class ReservationServiceOutageIT extends IntegrationScenario {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void closeTheCircuit() {
        circuitBreakers.circuitBreaker("reservation-service").reset();
    }

    @Test
    void aFailingReservationServiceMakesPaymentsUnavailable() {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        reservationService.answerRaw(reservation, 500, "{\"code\": \"INTERNAL_ERROR\"}");

        assertUnavailableAndNothingChanged(api().pay(user, token, reservation, null));
    }

    @Test
    void aNotFoundThatIsNotTheContractsCountsAsUnavailableNotAsNoReservation() {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        reservationService.answerRaw(reservation, 404, "{\"code\": \"NOT_FOUND\"}");

        assertUnavailableAndNothingChanged(api().pay(user, token, reservation, null));
    }

    /**
     * Out of the payment's time, as under an on-sale's load: shed, so that the gateway does not count it against
     * payment-service; the breaker to reservation-service counts it, so a reservation-service that hangs opens it.
     */
    @Test
    void aReservationServiceThatDoesNotAnswerInTimeShedsThePaymentAndCountsAgainstItsCircuit() {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        double timeoutsBefore = claimTimeouts();
        double shedBefore = shed();
        CircuitBreaker circuit = circuitBreakers.circuitBreaker("reservation-service");
        CountDownLatch release = reservationService.stall(reservation);
        try {
            assertShedAndNothingChanged(api().pay(user, token, reservation, null));
        } finally {
            release.countDown();
        }
        assertThat(claimTimeouts()).isEqualTo(timeoutsBefore + 1);
        assertThat(shed()).isEqualTo(shedBefore + 1);
        assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    /**
     * A fresh payment has 4 s, and its transaction needs the last 1 s: the claim may take up to 3 s. A fixed 2 s
     * limit gave this payment up, though it had the time.
     */
    @Test
    void aClaimAnsweredAfterTwoSecondsStillPaysWhenThePaymentHasTheTime() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 30_000);
        reservationService.answerLate(reservation, Duration.ofMillis(2_200));

        Answer paid = api().pay(user, token, reservation, null);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(api().balance(user)).isEqualTo(70_000);
    }

    @Test
    void anOpenCircuitShedsPaymentsAtOnceWithoutCallingReservationService() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 30_000);
        CircuitBreaker circuit = circuitBreakers.circuitBreaker("reservation-service");
        circuit.transitionToForcedOpenState();
        double shedBefore = shed();

        assertShedAndNothingChanged(api().pay(user, token, reservation, null));
        assertThat(reservationService.requestsFor(reservation)).isZero();
        assertThat(shed()).isEqualTo(shedBefore + 1);

        circuit.reset();
        assertThat(api().pay(user, token, reservation, null).status()).isEqualTo(201);
    }

    @Test
    void aShedFromReservationServiceShedsThePaymentAndIsNotCountedAsAFailure() {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        reservationService.shed(reservation);
        CircuitBreaker circuit = circuitBreakers.circuitBreaker("reservation-service");

        for (int i = 0; i < 12; i++) {
            assertShedAndNothingChanged(api().pay(user, token, reservation, null));
        }

        assertThat(reservationService.requestsFor(reservation)).isEqualTo(12);
        assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** Shed as an overloaded service sheds: at once, marked, with when to come back; nothing charged. */
    private void assertShedAndNothingChanged(Answer answer) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("SERVICE_BUSY");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.header("Ticketing-Shed")).isNotNull();
        assertNothingChanged(answer);
    }

    private void assertUnavailableAndNothingChanged(Answer answer) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.header("Ticketing-Shed")).isNull();
        assertNothingChanged(answer);
    }

    private double claimTimeouts() {
        return meters.counter("resilience4j.timelimiter.calls", "name", "reservation-service", "kind", "timeout")
                .count();
    }

    private double shed() {
        return meters.counter("ticketing.http.shed").count();
    }

    private void assertNothingChanged(Answer answer) {
        assertThat(answer.body()).doesNotContain("localhost", "Exception");
        assertThat(api().balance(user)).isEqualTo(100_000);
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isZero();
    }
}
