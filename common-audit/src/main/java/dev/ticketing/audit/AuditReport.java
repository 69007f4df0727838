package dev.ticketing.audit;

import java.util.List;
import java.util.Optional;

import dev.ticketing.audit.AuditFacts.OutboxBacklog;
import dev.ticketing.audit.AuditFacts.QueueFacts;

/** The discrepancies found, what was looked at, and whether the queue could be checked. */
public record AuditReport(List<Discrepancy> discrepancies, AuditFacts facts, Judgement judgement, Optional<String> queueSkipped) {

    public AuditReport {
        discrepancies = List.copyOf(discrepancies);
    }

    public boolean clean() {
        return discrepancies.isEmpty();
    }

    /** One line: the verdict and the counts behind it. */
    public String summary() {
        long unsent = facts.outboxes().stream().mapToLong(OutboxBacklog::unsent).sum()
                + facts.queue().flatMap(QueueFacts::outbox).map(OutboxBacklog::unsent).orElse(0L);
        String queue = facts.queue()
                .map(q -> q.lines().size() + " ACTIVE lines with " + q.lines().stream().mapToInt(l -> l.tokens().size()).sum()
                        + " tokens (max " + q.maxActive() + " each)")
                .orElseGet(() -> "queue not checked (" + queueSkipped.orElse("no queue facts") + ")");
        return (clean() ? "clean" : discrepancies.size() + " discrepancies") + ": "
                + facts.reservations().size() + " reservations, " + facts.occupiedSeats().size() + " held or sold seats, "
                + facts.payments().size() + " payments, " + facts.balances().size() + " balances, "
                + unsent + " events not yet on Kafka; " + queue + "; settle window " + judgement.settle().toSeconds() + " s";
    }
}
