package dev.ticketing.audit;

import static dev.ticketing.audit.Discrepancy.EVENT;
import static dev.ticketing.audit.Discrepancy.SERVICE;
import static dev.ticketing.audit.Discrepancy.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.ticketing.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.Discrepancy.Kind;

/** Invariant 5: every written event leaves its outbox (the queue's Redis stream included), and no inbox applied one twice. */
final class DeliveryRules {

    private DeliveryRules() {
    }

    static List<Discrepancy> check(AuditFacts facts, Judgement judgement) {
        List<Discrepancy> found = new ArrayList<>();
        Stream.concat(facts.outboxes().stream(), facts.queue().flatMap(QueueFacts::outbox).stream())
                .filter(backlog -> backlog.unsent() > 0 && judgement.settled(backlog.oldestWrittenAt()))
                .map(backlog -> stuck(backlog, judgement))
                .forEach(found::add);
        facts.inboxDuplicates().stream()
                .map(d -> new Discrepancy(Kind.INBOX_DUPLICATE, ids(SERVICE, d.service(), "consumer", d.consumer(), EVENT, d.eventId()),
                        "the event recorded once", d.copies() + " records"))
                .forEach(found::add);
        return found;
    }

    private static Discrepancy stuck(OutboxBacklog backlog, Judgement judgement) {
        return new Discrepancy(Kind.OUTBOX_STUCK, ids(SERVICE, backlog.service(), EVENT, backlog.oldestEventId()),
                "every event on Kafka within " + judgement.settle().toSeconds() + " s",
                backlog.unsent() + " unsent, the oldest written " + judgement.ago(backlog.oldestWrittenAt()));
    }
}
