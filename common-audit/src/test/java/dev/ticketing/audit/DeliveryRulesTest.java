package dev.ticketing.audit;

import static dev.ticketing.audit.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.AuditFacts.InboxDuplicate;
import dev.ticketing.audit.AuditFacts.OutboxBacklog;

class DeliveryRulesTest {

    private final World world = new World();

    @Test
    void anOutboxWhoseOldestUnsentEventIsOlderThanTheSettleWindowIsStuck() {
        world.outboxes.add(new OutboxBacklog("payment-service", 3, "e-old", NOW.minusSeconds(30)));
        world.outboxes.add(new OutboxBacklog("reservation-service", 1, "e-new", NOW.minusSeconds(1)));
        world.queueOutbox = Optional.of(new OutboxBacklog("queue-service", 2, "e-q", NOW.minusSeconds(10)));

        assertThat(DeliveryRules.check(world.facts(), World.JUDGEMENT)).extracting(Discrepancy::line).containsExactly(
                "OUTBOX_STUCK service=payment-service event=e-old: expected every event on Kafka within 5 s, "
                        + "found 3 unsent, the oldest written 30 s ago",
                "OUTBOX_STUCK service=queue-service event=e-q: expected every event on Kafka within 5 s, "
                        + "found 2 unsent, the oldest written 10 s ago");
    }

    @Test
    void anEventRecordedTwiceInAnInboxIsADuplicate() {
        world.inboxDuplicates.add(new InboxDuplicate("payment-service", "payment-service", "e1", 2));

        assertThat(DeliveryRules.check(world.facts(), World.JUDGEMENT)).singleElement().satisfies(d -> assertThat(d.line())
                .isEqualTo("INBOX_DUPLICATE service=payment-service consumer=payment-service event=e1: "
                        + "expected the event recorded once, found 2 records"));
    }
}
