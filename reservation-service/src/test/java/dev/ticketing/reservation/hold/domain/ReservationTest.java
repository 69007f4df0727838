package dev.ticketing.reservation.hold.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.ReservationRejected;

class ReservationTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2030-02-01T10:00:00Z");

    private final Holder holder = new Holder(UUID.randomUUID(), UUID.randomUUID());
    private final Schedule schedule = Schedules.open();

    @Test
    void aHoldLastsItsTtlAtTheCatalogPriceAndIsAnnounced() {
        Held held = Reservation.hold(ReservationId.random(), holder, schedule, new SeatNumber(7), NOW, TTL);

        Reservation reservation = held.reservation();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(reservation.price()).isEqualTo(7_000L);
        assertThat(reservation.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(reservation.seatKey()).isEqualTo("42:7");
        ReservationHeld event = held.event();
        assertThat(event.reservationId()).isEqualTo(reservation.id().value());
        assertThat(event.tokenId()).isEqualTo(holder.tokenId());
        assertThat(event.price()).isEqualTo(7_000L);
        assertThat(event.expiresAt()).isEqualTo(reservation.expiresAt());
        assertThat(event.key()).isEqualTo("42:7");
    }

    @Test
    void aDateWhoseBookingHasNotOpenedCannotBeHeld() {
        Instant beforeOpening = Schedules.OPENED.minusSeconds(1);

        assertThatThrownBy(() -> Reservation.hold(ReservationId.random(), holder, schedule, new SeatNumber(1),
                beforeOpening, TTL)).isInstanceOf(DateNotOpen.class);
    }

    @Test
    void aHoldIsNotExpiredBeforeItsTime() {
        assertThat(held().expire(NOW.plus(TTL).minusNanos(1000))).isEmpty();
    }

    @Test
    void aHoldExpiresAtItsExpiryInstantAndReleasesTheSeatToItsToken() {
        Instant due = NOW.plus(TTL);

        Expired expired = held().expire(due).orElseThrow();

        assertThat(expired.reservation().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(expired.reservation().updatedAt()).isEqualTo(due);
        HoldExpired event = expired.event();
        assertThat(event.tokenId()).isEqualTo(holder.tokenId());
        assertThat(event.expiredAt()).isEqualTo(due);
    }

    @Test
    void onlyHeldReservationsExpire() {
        Instant late = NOW.plus(TTL).plusSeconds(60);
        Reservation expired = held().expire(late).orElseThrow().reservation();
        Reservation confirmed = confirmed(UUID.randomUUID());

        assertThat(expired.expire(late.plusSeconds(60))).isEmpty();
        assertThat(confirmed.expire(late)).isEmpty();
    }

    @Test
    void thePayersPaymentConfirmsTheHold() {
        UUID paymentId = UUID.randomUUID();

        PaymentOutcome outcome = held().settle(new Payment(paymentId, holder.userId(), 7_000), NOW.plusSeconds(30));

        PaymentOutcome.Confirmed confirmed = (PaymentOutcome.Confirmed) outcome;
        assertThat(confirmed.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(confirmed.reservation().paymentId()).isEqualTo(paymentId);
        assertThat(confirmed.event().paymentId()).isEqualTo(paymentId);
        assertThat(confirmed.event().price()).isEqualTo(7_000);
        assertThat(confirmed.event().confirmedAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aHoldPastItsExpiryThatWasNotReleasedYetIsStillConfirmed() {
        PaymentOutcome outcome = held().settle(new Payment(UUID.randomUUID(), holder.userId(), 7_000),
                NOW.plus(TTL).plusSeconds(1));

        assertThat(outcome).isInstanceOf(PaymentOutcome.Confirmed.class);
    }

    @Test
    void aPaymentForAnExpiredHoldIsRejectedForRefund() {
        Reservation expired = held().expire(NOW.plus(TTL)).orElseThrow().reservation();
        UUID paymentId = UUID.randomUUID();

        PaymentOutcome outcome = expired.settle(new Payment(paymentId, holder.userId(), 7_000), NOW.plus(TTL));

        ReservationRejected event = ((PaymentOutcome.Rejected) outcome).event();
        assertThat(event.reason()).isEqualTo(ReservationRejected.Reason.HOLD_EXPIRED);
        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.amount()).isEqualTo(7_000);
        assertThat(((PaymentOutcome.Rejected) outcome).reservation().status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void aSecondPaymentForAConfirmedReservationIsRejectedForRefund() {
        Reservation confirmed = confirmed(UUID.randomUUID());

        PaymentOutcome outcome = confirmed.settle(new Payment(UUID.randomUUID(), holder.userId(), 7_000), NOW);

        assertThat(((PaymentOutcome.Rejected) outcome).event().reason())
                .isEqualTo(ReservationRejected.Reason.ALREADY_CONFIRMED);
    }

    @Test
    void theConfirmingPaymentAgainChangesNothing() {
        UUID paymentId = UUID.randomUUID();
        Reservation confirmed = confirmed(paymentId);

        PaymentOutcome outcome = confirmed.settle(new Payment(paymentId, holder.userId(), 7_000), NOW);

        assertThat(outcome).isEqualTo(new PaymentOutcome.AlreadyConfirmed(confirmed));
    }

    @Test
    void aPaymentForACancelledReservationIsRejectedForRefund() {
        Reservation held = held();
        Reservation cancelled = new Reservation(held.id(), held.userId(), held.tokenId(), held.concertId(),
                held.scheduleId(), held.date(), held.seat(), held.price(), ReservationStatus.CANCELLED, null,
                held.heldAt(), held.expiresAt(), NOW);

        PaymentOutcome outcome = cancelled.settle(new Payment(UUID.randomUUID(), holder.userId(), 7_000), NOW);

        assertThat(((PaymentOutcome.Rejected) outcome).event().reason())
                .isEqualTo(ReservationRejected.Reason.RESERVATION_CANCELLED);
    }

    @Test
    void aPaymentBySomeoneElseNeverBuysTheHold() {
        UUID stranger = UUID.randomUUID();

        PaymentOutcome outcome = held().settle(new Payment(UUID.randomUUID(), stranger, 7_000), NOW);

        PaymentOutcome.Rejected rejected = (PaymentOutcome.Rejected) outcome;
        assertThat(rejected.reservation().status()).isEqualTo(ReservationStatus.HELD);
        assertThat(rejected.event().userId()).isEqualTo(stranger);
    }

    @Test
    void aReservationHasAPaymentExactlyWhenConfirmed() {
        Reservation held = held();

        assertThatThrownBy(() -> new Reservation(held.id(), held.userId(), held.tokenId(), held.concertId(),
                held.scheduleId(), held.date(), held.seat(), held.price(), ReservationStatus.CONFIRMED, null,
                held.heldAt(), held.expiresAt(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reservation(held.id(), held.userId(), held.tokenId(), held.concertId(),
                held.scheduleId(), held.date(), held.seat(), held.price(), ReservationStatus.HELD, UUID.randomUUID(),
                held.heldAt(), held.expiresAt(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    private Reservation held() {
        return Reservation.hold(ReservationId.random(), holder, schedule, new SeatNumber(7), NOW, TTL).reservation();
    }

    private Reservation confirmed(UUID paymentId) {
        PaymentOutcome outcome = held().settle(new Payment(paymentId, holder.userId(), 7_000), NOW.plusSeconds(10));
        return ((PaymentOutcome.Confirmed) outcome).reservation();
    }
}
