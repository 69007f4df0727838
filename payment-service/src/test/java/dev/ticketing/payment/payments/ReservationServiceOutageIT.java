package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;

/** When reservation-service cannot answer, a payment is a quick 503 that changed nothing, never a hang or a 500. */
class ReservationServiceOutageIT extends IntegrationScenario {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

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

    @Test
    void aReservationServiceThatDoesNotAnswerInTimeMakesPaymentsUnavailable() {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        CountDownLatch release = reservationService.stall(reservation);
        try {
            assertUnavailableAndNothingChanged(api().pay(user, token, reservation, null));
        } finally {
            release.countDown();
        }
    }

    @Test
    void anOpenCircuitAnswersAtOnceWithoutCallingReservationService() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 30_000);
        CircuitBreaker circuit = circuitBreakers.circuitBreaker("reservation-service");
        circuit.transitionToForcedOpenState();

        assertUnavailableAndNothingChanged(api().pay(user, token, reservation, null));
        assertThat(reservationService.requestsFor(reservation)).isZero();

        circuit.reset();
        assertThat(api().pay(user, token, reservation, null).status()).isEqualTo(201);
    }

    private void assertUnavailableAndNothingChanged(Answer answer) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.body()).doesNotContain("localhost", "Exception");
        assertThat(api().balance(user)).isEqualTo(100_000);
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isZero();
    }
}
