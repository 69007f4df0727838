package dev.ticketing.payment.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.PaymentRefunded;

class PaymentTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-21T10:00:00Z");

    private final Reservation reservation = new Reservation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), 150_000,
            ReservationStatus.HELD, PAID_AT.plusSeconds(300));

    @Test
    void aPaymentTakesTheReservationsPriceForItsOwner() {
        Paid paid = Payment.complete(reservation, 50_000, PAID_AT);
        Payment payment = paid.payment();

        assertThat(payment.reservationId()).isEqualTo(reservation.id());
        assertThat(payment.userId()).isEqualTo(reservation.userId());
        assertThat(payment.amount()).isEqualTo(150_000);
        assertThat(payment.balanceAfter()).isEqualTo(50_000);
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.isOwnedBy(reservation.userId())).isTrue();
        assertThat(payment.isOwnedBy(UUID.randomUUID())).isFalse();
        assertThat(paid.event()).isEqualTo(new PaymentCompleted(payment.id(), reservation.id(), reservation.userId(),
                reservation.tokenId(), 150_000, 50_000, PAID_AT));
    }

    @Test
    void aRefundMarksThePaymentRefundedAndKeepsWhatItWas() {
        Payment payment = Payment.complete(reservation, 50_000, PAID_AT).payment();

        Refunded refund = payment.refund(200_000, PAID_AT.plusSeconds(60));
        Payment refunded = refund.payment();

        assertThat(refunded.isRefunded()).isTrue();
        assertThat(refunded.balanceAfter()).isEqualTo(50_000);
        assertThat(refund.event()).isEqualTo(new PaymentRefunded(payment.id(), reservation.id(), reservation.userId(),
                150_000, 200_000, PAID_AT.plusSeconds(60)));
        assertThat(refunded.amount()).isEqualTo(payment.amount());
        assertThat(refunded.createdAt()).isEqualTo(PAID_AT);
        assertThat(refunded.updatedAt()).isEqualTo(PAID_AT.plusSeconds(60));
    }

    @Test
    void aPaymentIsRefundedAtMostOnce() {
        Payment refunded = Payment.complete(reservation, 50_000, PAID_AT).payment().refund(200_000, PAID_AT).payment();

        assertThatThrownBy(() -> refunded.refund(200_000, PAID_AT)).isInstanceOf(IllegalStateException.class);
    }
}
