package dev.ticketing.analytics.streams;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.Record;

/**
 * Keyed by queue token, so one fan's whole way is in one place: counts each queue event once (by eventId), each
 * funnel step once per fan (joined, admitted, held, paid; abandoned the line), and the time from joining to paying
 * once the join time (from the queue events) and the payment (from the reservation stage) are both known, in
 * whichever order they arrive.
 */
final class TokenStage extends AggregateStage<Journey> {

    static final String STORE = "tokens";

    TokenStage(StreamMeters meters, Duration forgetAfter) {
        super(meters, STORE, forgetAfter, Journey::unknown, Journey::lastSeen);
    }

    @Override
    Journey apply(Record<String, Fact> record, Journey journey) {
        Fact fact = record.value();
        if (journey.hasCounted(fact.eventId())) {
            meters.duplicate(fact.kind().sourceTopic());
            return null;
        }
        if (fact.kind().isQueueEvent()) {
            meters.counted(fact.kind().sourceTopic());
        }
        journey = journey.learning(fact, now());
        String concert = journey.concertId();
        if (fact.kind().isQueueEvent() && !journey.joined()) {
            journey = journey.withJoined();
            forward(record, Fact.derived(Fact.Kind.JOINED,
                    journey.joinedAt() != null ? journey.joinedAt() : fact.at(), concert, 0));
        }
        switch (fact.kind()) {
            case ADMITTED -> {
                if (!journey.admitted()) {
                    journey = journey.withAdmitted();
                    forward(record, Fact.derived(Fact.Kind.ADMITTED, fact.at(), concert, 0));
                }
            }
            case ABANDONED -> {
                if (!journey.abandoned()) {
                    journey = journey.withAbandoned();
                    forward(record, Fact.derived(Fact.Kind.ABANDONED, fact.at(), concert, 0));
                }
            }
            case TOKEN_HOLD -> {
                if (!journey.held()) {
                    journey = journey.withHeld();
                    forward(record, Fact.derived(Fact.Kind.FIRST_HOLD, fact.at(), concert, 0));
                }
            }
            case TOKEN_PAYMENT -> {
                if (!journey.paid()) {
                    journey = journey.withPaid(fact.at());
                    forward(record, Fact.derived(Fact.Kind.FIRST_PAYMENT, fact.at(), concert, 0));
                }
            }
            default -> {
                // TOKEN_ENDED: its join time was all it had to tell
            }
        }
        if (journey.paid() && !journey.purchaseTimed() && journey.joinedAt() != null) {
            journey = journey.withPurchaseTimed();
            forward(record, Fact.joinToPurchase(concert, journey.paidAt(),
                    Duration.between(journey.joinedAt(), journey.paidAt())));
        }
        return journey;
    }

    private void forward(Record<String, Fact> record, Fact fact) {
        forward(record, fact.concertId(), fact);
    }
}
