package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;

/**
 * The settlement fence (DESIGN.md invariant 4): reservation-service releases a claimed hold only after this service
 * voided it, and a voided reservation can no longer be paid; a payment that committed first is the settlement.
 * A payment is never both answered 201 and voided.
 */
class ReservationSettlementIT extends IntegrationScenario {

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

    @Test
    void aVoidedReservationCannotBePaidAndChargesNothing() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 40_000);

        settle(reservation).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("VOIDED")
                .jsonPath("$.paymentId").doesNotExist();
        Answer late = api().pay(user, token, reservation, null);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("HOLD_EXPIRED");
        assertThat(api().balance(user)).isEqualTo(100_000);
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isZero();
        // Asked again, the answer stays.
        settle(reservation).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("VOIDED");
    }

    @Test
    void aPaidReservationIsSettledByItsPayment() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 40_000);
        Answer paid = api().pay(user, token, reservation, null);
        assertThat(paid.status()).isEqualTo(201);

        settle(reservation).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("PAID")
                .jsonPath("$.paymentId").isEqualTo(paid.json().get("paymentId").asString())
                .jsonPath("$.userId").isEqualTo(user.toString())
                .jsonPath("$.amount").isEqualTo(40_000);
        assertThat(api().balance(user)).isEqualTo(60_000);
    }

    /** Payment and void at the same moment, many times: each reservation ends paid-and-settled or void-and-free. */
    @Test
    void aPaymentRacingTheVoidIsEitherAcceptedAndSettledOrRefusedAndFree() throws Exception {
        int rounds = 30;
        api().charge(user, 10_000L * rounds);
        List<UUID> reservations = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            reservations.add(holdFor(user, 10_000));
        }
        int accepted = 0;
        try (ExecutorService race = Executors.newVirtualThreadPerTaskExecutor()) {
            for (UUID reservation : reservations) {
                Future<Answer> payment = race.submit(() -> api().pay(user, token, reservation, null));
                Future<String> settlement = race.submit((Callable<String>) () -> settle(reservation)
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
                Answer answer = payment.get();
                String settled = settlement.get();
                if (answer.status() == 201) {
                    accepted++;
                    assertThat(settled).contains("\"PAID\"")
                            .contains(answer.json().get("paymentId").asString());
                } else {
                    assertThat(answer.status()).isEqualTo(409);
                    assertThat(answer.code()).isEqualTo("HOLD_EXPIRED");
                    assertThat(settled).contains("\"VOIDED\"");
                }
            }
        }
        assertThat(api().balance(user)).isEqualTo(10_000L * (rounds - accepted));
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isEqualTo(accepted);
    }

    @Test
    void aReservationOfAnotherConcertIsWrongConcertAndChargesNothing() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 40_000);

        Answer answer = api().pay(user, token, UUID.randomUUID(), reservation, null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("WRONG_CONCERT");
        assertThat(api().balance(user)).isEqualTo(100_000);
        assertThat(outboxEvents("PaymentCompleted", user.toString())).isZero();
    }

    private RestTestClient.ResponseSpec settle(UUID reservation) {
        return http.put().uri("/internal/v1/reservation-settlements/{id}", reservation).exchange();
    }
}
