package dev.ticketing.analytics.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What one event (or one stage of the topology) tells the figures, in this service's own terms. Facts read from
 * the topics carry their event's id, by which they are deduplicated; facts a stage derives are exactly-once by
 * the topology's transactions and carry none.
 *
 * @param at         when it happened (the record's timestamp downstream, so windows are in event time)
 * @param scheduleId the concert date's id, 0 until known
 * @param amount     KRW, or milliseconds for {@link Kind#JOIN_TO_PURCHASE}
 * @param joinedAt   when the token's holder joined the line, if the event says
 */
public record Fact(Kind kind, UUID eventId, Instant at, String concertId, long scheduleId, String date,
                   String reservationId, String tokenId, long amount, Instant joinedAt) {

    public enum Kind {
        // Read from queue.events, keyed by token.
        ADMITTED, ABANDONED, TOKEN_ENDED,
        // Read from reservation.events and payment.events, keyed by reservation.
        HELD, HOLD_EXPIRED, CONFIRMED, REJECTED, PAID, REFUNDED,
        // Derived by the reservation stage for the token stage: a token held, or paid for, a seat of a concert.
        TOKEN_HOLD, TOKEN_PAYMENT,
        // Derived by the token stage for the concert stage, at most once per token.
        JOINED, FIRST_HOLD, FIRST_PAYMENT, JOIN_TO_PURCHASE;

        boolean forTokenStage() {
            return this == TOKEN_HOLD || this == TOKEN_PAYMENT;
        }

        boolean isQueueEvent() {
            return this == ADMITTED || this == ABANDONED || this == TOKEN_ENDED;
        }

        /** The topic a fact of this kind is read from (for those read from one). */
        String sourceTopic() {
            return switch (this) {
                case ADMITTED, ABANDONED, TOKEN_ENDED -> Topics.QUEUE;
                case PAID, REFUNDED -> Topics.PAYMENT;
                default -> Topics.RESERVATION;
            };
        }
    }

    static Fact queue(Kind kind, UUID eventId, Instant at, String concertId, String tokenId, Instant joinedAt) {
        return new Fact(kind, eventId, at, concertId, 0, null, null, tokenId, 0, joinedAt);
    }

    static Fact reservation(Kind kind, UUID eventId, Instant at, String concertId, long scheduleId, String date,
                            String reservationId, String tokenId, long amount) {
        return new Fact(kind, eventId, at, concertId, scheduleId, date, reservationId, tokenId, amount, null);
    }

    static Fact payment(Kind kind, UUID eventId, Instant at, String reservationId, String tokenId, long amount) {
        return new Fact(kind, eventId, at, null, 0, null, reservationId, tokenId, amount, null);
    }

    /** Whether it knows its concert date (reservation events do; payment events learn it from them). */
    boolean placed() {
        return concertId != null && scheduleId > 0;
    }

    Fact placedAt(String concertId, long scheduleId, String date) {
        return new Fact(kind, eventId, at, concertId, scheduleId, date, reservationId, tokenId, amount, joinedAt);
    }

    Fact as(Kind derived) {
        return new Fact(derived, null, at, concertId, scheduleId, date, reservationId, tokenId, amount, joinedAt);
    }

    static Fact derived(Kind kind, Instant at, String concertId, long amount) {
        return new Fact(kind, null, at, concertId, 0, null, null, null, amount, null);
    }

    static Fact joinToPurchase(String concertId, Instant paidAt, Duration waited) {
        return derived(Kind.JOIN_TO_PURCHASE, paidAt, concertId, Math.max(0, waited.toMillis()));
    }
}
