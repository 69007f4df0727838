package dev.ticketing.payment.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-21T10:00:00Z");

    private final Reservation reservation = new Reservation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), 150_000,
            ReservationStatus.HELD, PAID_AT.plusSeconds(300));

    @Test
    void aPaymentTakesTheReservationsPriceForItsOwner() {
        Payment payment = Payment.complete(reservation, 50_000, PAID_AT);

        assertThat(payment.reservationId()).isEqualTo(reservation.id());
        assertThat(payment.userId()).isEqualTo(reservation.userId());
        assertThat(payment.amount()).isEqualTo(150_000);
        assertThat(payment.balanceAfter()).isEqualTo(50_000);
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.isOwnedBy(reservation.userId())).isTrue();
        assertThat(payment.isOwnedBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void aRefundMarksThePaymentRefundedAndKeepsWhatItWas() {
        Payment payment = Payment.complete(reservation, 50_000, PAID_AT);

        Payment refunded = payment.refund(PAID_AT.plusSeconds(60));

        assertThat(refunded.isRefunded()).isTrue();
        assertThat(refunded.amount()).isEqualTo(payment.amount());
        assertThat(refunded.createdAt()).isEqualTo(PAID_AT);
        assertThat(refunded.updatedAt()).isEqualTo(PAID_AT.plusSeconds(60));
    }

    @Test
    void aPaymentIsRefundedAtMostOnce() {
        Payment refunded = Payment.complete(reservation, 50_000, PAID_AT).refund(PAID_AT);

        assertThatThrownBy(() -> refunded.refund(PAID_AT)).isInstanceOf(IllegalStateException.class);
    }
}
