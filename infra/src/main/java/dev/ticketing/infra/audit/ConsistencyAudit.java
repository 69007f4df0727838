package dev.ticketing.infra.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.ticketing.audit.AuditFacts;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.AuditReport;
import dev.ticketing.audit.AuditRules;
import dev.ticketing.audit.AuditUnavailable;
import dev.ticketing.audit.Discrepancy;
import dev.ticketing.audit.Judgement;
import dev.ticketing.audit.QueueFactsReader;

/**
 * Cross-checks seats, reservations, payments, balances, queue tokens and outboxes across the services' stores
 * (DESIGN.md section 6) and lists every discrepancy. Read-only, so it can run against a live system:
 * {@code ./stack audit} on the command line, {@link #run(AuditSources)} from tests.
 */
public final class ConsistencyAudit {

    private ConsistencyAudit() {
    }

    /** Audits with the default settle window, now; empty means consistent. */
    public static List<Discrepancy> run(AuditSources sources) {
        return run(sources, Judgement.DEFAULT_SETTLE, Clock.systemUTC()).discrepancies();
    }

    /**
     * Reads every store and judges it. An unreachable database fails the audit ({@link AuditUnavailable}); an
     * unreachable Redis only leaves the queue unchecked, which the report says.
     */
    public static AuditReport run(AuditSources sources, Duration settle, Clock clock) {
        // "Now" is taken before reading: a row changed while the audit reads is then always within the window.
        Judgement judgement = new Judgement(clock.instant(), settle);
        DatabaseFacts databases = DatabaseFacts.read(sources);
        Optional<QueueFacts> queue = Optional.empty();
        Optional<String> queueSkipped = Optional.of("not asked to check the queue");
        if (sources.queue().isPresent()) {
            try {
                AuditSources.Queue source = sources.queue().get();
                queue = Optional.of(QueueFactsReader.read(source.host(), source.port(), null, source.maxActive()));
                queueSkipped = Optional.empty();
            } catch (AuditUnavailable e) {
                queueSkipped = Optional.of(e.getMessage());
            }
        }
        AuditFacts facts = databases.with(queue);
        return AuditRules.judge(facts, judgement, queueSkipped);
    }
}
