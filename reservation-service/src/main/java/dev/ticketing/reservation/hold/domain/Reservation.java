package dev.ticketing.reservation.hold.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.ReservationRejected;

/**
 * A seat hold and its outcome. Immutable: every transition returns the new reservation with the event that
 * announces it, or says that nothing happened. Whether the seat is free is not decided here but by the
 * store (see {@link Reservations#add}), because only the database sees every instance's holds at once.
 */
public record Reservation(ReservationId id, UUID userId, UUID tokenId, UUID concertId, long scheduleId,
                          LocalDate date, SeatNumber seat, long price, ReservationStatus status,
                          UUID paymentId, Instant heldAt, Instant expiresAt, Instant updatedAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive but was " + price);
        }
        if (!expiresAt.isAfter(heldAt)) {
            throw new IllegalArgumentException("expiresAt must be after heldAt");
        }
        if ((status == ReservationStatus.CONFIRMED) != (paymentId != null)) {
            throw new IllegalArgumentException("a reservation has a payment exactly when it is CONFIRMED");
        }
    }

    /**
     * Holds {@code seat} of {@code schedule} for {@code holder} until {@code ttl} from now, at the catalog's price.
     *
     * @throws DateNotOpen if booking for the date has not opened yet
     */
    public static Held hold(ReservationId id, Holder holder, Schedule schedule, SeatNumber seat,
                            Instant now, Duration ttl) {
        if (!schedule.isOpenAt(now)) {
            throw new DateNotOpen(schedule.concertId(), schedule.date());
        }
        Reservation held = new Reservation(id, holder.userId(), holder.tokenId(), schedule.concertId(),
                schedule.scheduleId(), schedule.date(), seat, schedule.priceOf(seat), ReservationStatus.HELD,
                null, now, now.plus(ttl), now);
        return new Held(held, new ReservationHeld(id.value(), holder.userId(), schedule.concertId(),
                schedule.scheduleId(), schedule.date(), seat.value(), held.price(), holder.tokenId(), now,
                held.expiresAt()));
    }

    /** Releases the seat if this is a hold whose time is up; anything else (already decided, not due) stays. */
    public Optional<Expired> expire(Instant now) {
        if (status != ReservationStatus.HELD || now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        Reservation expired = moveTo(ReservationStatus.EXPIRED, null, now);
        return Optional.of(new Expired(expired, new HoldExpired(id.value(), userId, concertId, scheduleId, date,
                seat.value(), tokenId, now)));
    }

    /**
     * Applies a completed payment: exactly one of confirmed or rejected per payment. A hold still HELD by the
     * payer is confirmed even when {@code expiresAt} has passed and the expiry has not run yet: payment-service
     * accepts payments only before {@code expiresAt}, so the payer was in time and only the release lagged.
     * A hold that was lost (expired, cancelled, sold to another payment, or not the payer's) is rejected, so
     * the payment is refunded. The payment that already confirmed it changes nothing.
     */
    public PaymentOutcome settle(Payment payment, Instant now) {
        return switch (status) {
            case HELD -> userId.equals(payment.payerId())
                    ? confirm(payment, now)
                    // Unreachable when payment-service checks ownership; refunding is the only safe answer,
                    // and the fixed reason list has nothing closer (the payer holds no such seat).
                    : reject(payment, ReservationRejected.Reason.HOLD_EXPIRED, now);
            case CONFIRMED -> payment.paymentId().equals(paymentId)
                    ? new PaymentOutcome.AlreadyConfirmed(this)
                    : reject(payment, ReservationRejected.Reason.ALREADY_CONFIRMED, now);
            case EXPIRED -> reject(payment, ReservationRejected.Reason.HOLD_EXPIRED, now);
            case CANCELLED -> reject(payment, ReservationRejected.Reason.RESERVATION_CANCELLED, now);
        };
    }

    public boolean isOwnedBy(UUID user) {
        return userId.equals(user);
    }

    /** The Kafka key of this reservation's events, {@code scheduleId:seatNumber}. */
    public String seatKey() {
        return seatKey(scheduleId, seat);
    }

    /** The key of a seat on a date, as {@link #seatKey()} gives it for a reservation of that seat. */
    public static String seatKey(long scheduleId, SeatNumber seat) {
        return scheduleId + ":" + seat.value();
    }

    private PaymentOutcome confirm(Payment payment, Instant now) {
        Reservation confirmed = moveTo(ReservationStatus.CONFIRMED, payment.paymentId(), now);
        return new PaymentOutcome.Confirmed(confirmed, new ReservationConfirmed(id.value(), userId, concertId,
                scheduleId, date, seat.value(), payment.paymentId(), payment.amount(), now));
    }

    private PaymentOutcome reject(Payment payment, ReservationRejected.Reason reason, Instant now) {
        return new PaymentOutcome.Rejected(this, new ReservationRejected(id.value(), payment.payerId(), concertId,
                scheduleId, date, seat.value(), payment.paymentId(), payment.amount(), reason, now));
    }

    private Reservation moveTo(ReservationStatus next, UUID payment, Instant now) {
        return new Reservation(id, userId, tokenId, concertId, scheduleId, date, seat, price, next, payment,
                heldAt, expiresAt, now);
    }
}
