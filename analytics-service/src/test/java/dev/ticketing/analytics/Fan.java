package dev.ticketing.analytics;

import static dev.ticketing.analytics.Envelopes.envelope;
import static dev.ticketing.analytics.Envelopes.fields;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One fan's way through a concert's on-sale, as the events the services would publish about it. */
public final class Fan {

    public final UUID user = UUID.randomUUID();
    public final UUID token = UUID.randomUUID();
    public final UUID reservation = UUID.randomUUID();
    public final UUID payment = UUID.randomUUID();
    public final UUID concert;
    public final long scheduleId;
    public final String date;
    public final int seat;

    public Fan(UUID concert, long scheduleId, String date, int seat) {
        this.concert = concert;
        this.scheduleId = scheduleId;
        this.date = date;
        this.seat = seat;
    }

    public String seatKey() {
        return scheduleId + ":" + seat;
    }

    public byte[] admitted(Instant joinedAt, Instant at) {
        return envelope(UUID.randomUUID(), "TokenActivated", at, token.toString(), fields("tokenId", token,
                "userId", user, "concertId", concert, "activatedAt", at, "expiresAt", at.plusSeconds(600),
                "joinedAt", joinedAt));
    }

    public byte[] tokenExpired(String reason, Instant joinedAt, Instant at) {
        return envelope(UUID.randomUUID(), "TokenExpired", at, token.toString(), fields("tokenId", token,
                "userId", user, "concertId", concert, "reason", reason, "expiredAt", at, "joinedAt", joinedAt));
    }

    public byte[] held(long price, Instant at) {
        return envelope(UUID.randomUUID(), "ReservationHeld", at, reservation.toString(), seatFields("price", price,
                "tokenId", token, "heldAt", at, "expiresAt", at.plusSeconds(300)));
    }

    public byte[] holdExpired(Instant at) {
        return envelope(UUID.randomUUID(), "HoldExpired", at, reservation.toString(), seatFields("tokenId", token,
                "expiredAt", at));
    }

    public byte[] confirmed(long price, Instant at) {
        return envelope(UUID.randomUUID(), "ReservationConfirmed", at, reservation.toString(), seatFields(
                "paymentId", payment, "price", price, "confirmedAt", at));
    }

    public byte[] rejected(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "ReservationRejected", at, reservation.toString(), seatFields(
                "paymentId", payment, "amount", amount, "reason", "HOLD_EXPIRED", "rejectedAt", at));
    }

    public byte[] paid(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "PaymentCompleted", at, payment.toString(), fields("paymentId", payment,
                "reservationId", reservation, "userId", user, "tokenId", token, "amount", amount, "balance", 0,
                "completedAt", at));
    }

    public byte[] refunded(long amount, Instant at) {
        return envelope(UUID.randomUUID(), "PaymentRefunded", at, payment.toString(), fields("paymentId", payment,
                "reservationId", reservation, "userId", user, "amount", amount, "balance", amount, "refundedAt", at));
    }

    public byte[] charged(long amount, Instant at) {
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
