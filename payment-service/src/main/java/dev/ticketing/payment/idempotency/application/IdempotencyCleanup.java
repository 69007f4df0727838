package dev.ticketing.payment.idempotency.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes answers past their retention, in small batches so no statement holds many locks. Safe on every
 * instance at once: deleting an already deleted row is a no-op.
 */
@Component
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);
    private static final int BATCH = 1_000;

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyCleanup(IdempotencyRecords records, IdempotencyProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketing.idempotency.cleanup-interval:10m}",
            initialDelayString = "${ticketing.idempotency.cleanup-interval:10m}")
    void forgetExpiredAnswers() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int deleted = 0;
        int batch;
        do {
            batch = records.forgetBefore(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("idempotency_records_forgotten count={} before={}", deleted, cutoff);
        }
    }
}
