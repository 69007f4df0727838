package dev.ticketing.analytics.streams;

import static dev.ticketing.analytics.streams.Envelopes.envelope;
import static dev.ticketing.analytics.streams.Envelopes.fields;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One fan's way through a concert's on-sale, as the events the services would publish about it. */
final class Fan {

    final UUID user = UUID.randomUUID();
    final UUID token = UUID.randomUUID();
    final UUID reservation = UUID.randomUUID();
    final UUID payment = UUID.randomUUID();
    final UUID concert;
    final long scheduleId;
    final String date;
    final int seat;

    Fan(UUID concert, long scheduleId, String date, int seat) {
        this.concert = concert;
        this.scheduleId = scheduleId;
        this.date = date;
        this.seat = seat;
    }

    String seatKey() {
        return scheduleId + ":" + seat;
    }

    byte[] admitted(Instant joinedAt, Instant at) {
        return envelope(UUID.randomUUID(), "TokenActivated", at, token.toString(), fields("tokenId", token,
                "userId", user, "concertId", concert, "activatedAt", at, "expiresAt", at.plusSeconds(600),
                "joinedAt", joinedAt));
    }

    byte[] tokenExpired(String reason, Instant joinedAt, Instant at) {
        return envelope(UUID.randomUUID(), "TokenExpired", at, token.toString(), fields("tokenId", token,
                "userId", user, "concertId", concert, "reason", reason, "expiredAt", at, "joinedAt", joinedAt));
    }

    byte[] held(long price, Instant at) {
        return envelope(UUID.randomUUID(), "ReservationHeld", at, reservation.toString(), seatFields("price", price,
                "tokenId", token, "heldAt", at, "expiresAt", at.plusSeconds(300)));
    }

    byte[] holdExpired(Instant at) {
        return envelope(UUID.randomUUID(), "HoldExpired", at, reservation.toString(), seatFields("tokenId", token,
                "expiredAt", at));
    }

    byte[] confirmed(long price, Instant at) {
        return envelope(UUID.randomUUID(), "ReservationConfirmed", at, reservation.toString(), seatFields(
                "paymentId", payment, "price", price, "confirmedAt", at));
    }

    byte[] rejected(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "ReservationRejected", at, reservation.toString(), seatFields(
                "paymentId", payment, "amount", amount, "reason", "HOLD_EXPIRED", "rejectedAt", at));
    }

    byte[] paid(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "PaymentCompleted", at, payment.toString(), fields("paymentId", payment,
                "reservationId", reservation, "userId", user, "tokenId", token, "amount", amount, "balance", 0,
                "completedAt", at));
    }

    byte[] refunded(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "PaymentRefunded", at, payment.toString(), fields("paymentId", payment,
                "reservationId", reservation, "userId", user, "amount", amount, "balance", amount, "refundedAt", at));
    }

    byte[] charged(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "BalanceCharged", at, user.toString(), fields("userId", user,
                "chargeId", UUID.randomUUID(), "amount", amount, "balance", amount, "chargedAt", at));
    }

    private Map<String, Object> seatFields(Object... more) {
        Map<String, Object> all = fields("reservationId", reservation, "userId", user, "concertId", concert,
                "scheduleId", scheduleId, "date", date, "seatNumber", seat);
        all.putAll(fields(more));
        return all;
    }
}
