package dev.ticketing.analytics.streams;

import java.util.Optional;

import dev.ticketing.analytics.events.PublishedEvent;

/**
 * The facts the figures need from each event type the catalog lists (common-events/EVENTS.md), read by field name
 * from the schema-checked payload. An event type that says nothing about a concert's sales (a balance top-up)
 * gives none.
 */
final class EventFacts {

    private EventFacts() {
    }

    static Optional<Fact> of(PublishedEvent event) {
        return Optional.ofNullable(switch (event.eventType()) {
            case "TokenActivated" -> Fact.queue(Fact.Kind.ADMITTED, event.eventId(), event.instant("activatedAt"),
                    event.text("concertId"), event.text("tokenId"), event.instant("joinedAt"));
            case "TokenExpired" -> Fact.queue("ABANDONED".equals(event.text("reason"))
                            ? Fact.Kind.ABANDONED : Fact.Kind.TOKEN_ENDED, event.eventId(), event.instant("expiredAt"),
                    event.text("concertId"), event.text("tokenId"), event.instant("joinedAt"));
            case "ReservationHeld" -> reservation(Fact.Kind.HELD, event, "heldAt", event.number("price"));
            case "HoldExpired" -> reservation(Fact.Kind.HOLD_EXPIRED, event, "expiredAt", 0);
            case "ReservationConfirmed" -> reservation(Fact.Kind.CONFIRMED, event, "confirmedAt", event.number("price"));
            case "ReservationRejected" -> reservation(Fact.Kind.REJECTED, event, "rejectedAt", event.number("amount"));
            case "PaymentCompleted" -> Fact.payment(Fact.Kind.PAID, event.eventId(), event.instant("completedAt"),
                    event.text("reservationId"), event.text("tokenId"), event.number("amount"));
            case "PaymentRefunded" -> Fact.payment(Fact.Kind.REFUNDED, event.eventId(), event.instant("refundedAt"),
                    event.text("reservationId"), null, event.number("amount"));
            default -> null; // BalanceCharged: money in, not a sale
        });
    }

    private static Fact reservation(Fact.Kind kind, PublishedEvent event, String atField, long amount) {
        return Fact.reservation(kind, event.eventId(), event.instant(atField), event.text("concertId"),
                event.number("scheduleId"), event.text("date"), event.text("reservationId"), event.text("tokenId"),
                amount);
    }
}
