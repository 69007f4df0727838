package dev.ticketing.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;

/** Every way a payment is refused, and that a refused payment moves no money. */
class PaymentRefusalsIT extends IntegrationScenario {

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

    @Test
    void anotherUsersReservationIsNotFoundAndNoMoneyMoves() {
        UUID owner = newUser();
        api().charge(user, 100_000);
        api().charge(owner, 100_000);
        UUID reservation = holdFor(owner, 50_000);

        Answer answer = api().pay(user, token, reservation, null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(api().balance(user)).isEqualTo(100_000);
        assertThat(api().balance(owner)).isEqualTo(100_000);
        assertThat(paymentRows(reservation)).isZero();
    }

    @Test
    void aReservationReservationServiceDoesNotKnowIsNotFound() {
        api().charge(user, 100_000);

        Answer answer = api().pay(user, token, UUID.randomUUID(), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("RESERVATION_NOT_FOUND");
    }

    @Test
    void aHoldWhoseTimeRanOutCannotBePaid() {
        api().charge(user, 100_000);
        UUID reservation = reservationService.hold(user, 50_000, clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));

        Answer answer = api().pay(user, token, reservation, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("HOLD_EXPIRED");
        assertThat(api().balance(user)).isEqualTo(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRED", "CANCELLED"})
    void anExpiredOrCancelledReservationCannotBePaid(String status) {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        reservationService.answer(reservation, user, 50_000, status, clock.instant().plus(HOLD));

        Answer answer = api().pay(user, token, reservation, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("HOLD_EXPIRED");
        assertThat(api().balance(user)).isEqualTo(100_000);
    }

    @Test
    void aConfirmedReservationIsAlreadyPaid() {
        api().charge(user, 100_000);
        UUID reservation = UUID.randomUUID();
        reservationService.answer(reservation, user, 50_000, "CONFIRMED", clock.instant().plus(HOLD));

        Answer answer = api().pay(user, token, reservation, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("ALREADY_PAID");
    }

    @Test
    void aPaidHoldWhoseTimeRanOutBeforeReservationServiceHeardOfThePaymentIsAlreadyPaidNotExpired() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 30_000);
        assertThat(api().pay(user, token, reservation, null).status()).isEqualTo(201);
        clock.advance(HOLD); // reservation-service still answers HELD, now past its time

        Answer again = api().pay(user, token, reservation, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_PAID");
        assertThat(api().balance(user)).isEqualTo(70_000);
    }

    @Test
    void payingTheSameReservationAgainIsAlreadyPaid() {
        api().charge(user, 100_000);
        UUID reservation = holdFor(user, 30_000);
        assertThat(api().pay(user, token, reservation, null).status()).isEqualTo(201);

        Answer again = api().pay(user, token, reservation, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_PAID");
        assertThat(api().balance(user)).isEqualTo(70_000);
    }

    @Test
    void payingAgainWithNothingLeftIsAlreadyPaidNotInsufficientBalance() {
        api().charge(user, 30_000);
        UUID reservation = holdFor(user, 30_000);
        assertThat(api().pay(user, token, reservation, null).status()).isEqualTo(201);

        Answer again = api().pay(user, token, reservation, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_PAID");
        assertThat(api().balance(user)).isZero();
        assertThat(paymentRows(reservation)).isEqualTo(1);
    }

    @Test
    void aUserWhoNeverChargedHasNothingToPayWithAndGetsNoBalanceRow() {
        UUID reservation = holdFor(user, 1);

        Answer answer = api().pay(user, token, reservation, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(paymentRows(reservation)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM balance WHERE user_id = ?", Integer.class,
                user.toString())).isZero();
    }

    @Test
    void aPaymentNeedsTheTokenIdTheGatewayForwards() {
        http.post().uri("/api/v1/payments").header("X-User-Id", user.toString())
                .contentType(MediaType.APPLICATION_JSON).body("{\"reservationId\": \"" + UUID.randomUUID() + "\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"reservationId\": \"nope\"}", "{\"reservationId\": 42}", "{\"reservationId\": "})
    void aBodyWithoutAReservationIdIsAnInvalidRequest(String body) {
        http.post().uri("/api/v1/payments").header("X-User-Id", user.toString()).header("X-Token-Id", token.toString())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }
}
