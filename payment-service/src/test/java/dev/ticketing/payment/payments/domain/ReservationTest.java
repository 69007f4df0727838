package dev.ticketing.payment.payments.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReservationTest {

    private static final Instant EXPIRES = Instant.parse("2026-11-21T10:05:00Z");

    private final UUID owner = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();

    @Test
    void aHeldReservationCanBePaidUntilJustBeforeItExpires() {
        assertThatCode(() -> held().requirePayableAt(EXPIRES.minusNanos(1))).doesNotThrowAnyException();
    }

    @Test
    void atItsExpiryTheHoldCanNoLongerBePaid() {
        assertRejected(() -> held().requirePayableAt(EXPIRES), PaymentRejected.Reason.HOLD_EXPIRED);
    }

    @Test
    void aConfirmedReservationIsAlreadyPaid() {
        assertRejected(() -> with(ReservationStatus.CONFIRMED).requirePayableAt(EXPIRES.minusSeconds(60)),
                PaymentRejected.Reason.ALREADY_PAID);
    }

    @ParameterizedTest
    @EnumSource(value = ReservationStatus.class, names = {"EXPIRED", "CANCELLED"})
    void anExpiredOrCancelledReservationCannotBePaidEvenBeforeItsExpiryTime(ReservationStatus status) {
        assertRejected(() -> with(status).requirePayableAt(EXPIRES.minusSeconds(60)), PaymentRejected.Reason.HOLD_EXPIRED);
    }

    @Test
    void anotherUsersReservationDoesNotExistForThePayer() {
        assertRejected(() -> held().requireOwnedBy(UUID.randomUUID()), PaymentRejected.Reason.RESERVATION_NOT_FOUND);
        assertThatCode(() -> held().requireOwnedBy(owner)).doesNotThrowAnyException();
    }

    @Test
    void aReservationOfAnotherConcertCannotBePaidWithThisToken() {
        assertRejected(() -> held().requireConcert(UUID.randomUUID()), PaymentRejected.Reason.WRONG_CONCERT);
        assertThatCode(() -> held().requireConcert(CONCERT)).doesNotThrowAnyException();
    }

    @Test
    void aReservationWithoutAPriceIsNotAReservationThatCanBePaid() {
        assertThatThrownBy(() -> new Reservation(UUID.randomUUID(), owner, CONCERT, UUID.randomUUID(), 0,
                ReservationStatus.HELD, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Reservation held() {
        return with(ReservationStatus.HELD);
    }

    private Reservation with(ReservationStatus status) {
        return new Reservation(UUID.randomUUID(), owner, CONCERT, UUID.randomUUID(), 150_000, status, EXPIRES);
    }

    private static void assertRejected(Runnable payment, PaymentRejected.Reason reason) {
        assertThatThrownBy(payment::run).isInstanceOfSatisfying(PaymentRejected.class,
                rejected -> org.assertj.core.api.Assertions.assertThat(rejected.reason()).isEqualTo(reason));
    }
}
