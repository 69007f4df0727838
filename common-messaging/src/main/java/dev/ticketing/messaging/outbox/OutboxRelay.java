package dev.ticketing.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.ticketing.messaging.MessagingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox to Kafka from one thread. Each round: take or renew the lease; if held, publish
 * unsent rows in id order, batch by batch (renewing the lease between batches), mark the acknowledged
 * ones sent, and run the retention cleanup when due. Between rounds it waits for a commit on this instance
 * ({@link RelayWakeUp}) or the poll interval. A failed round (Kafka or the database unreachable) keeps
 * every row and is retried after a growing pause; business transactions never wait for the relay.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRows rows;
    private final RelayLease lease;
    private final OutboxPublisher publisher;
    private final RetentionCleanup cleanup;
    private final RelayWakeUp wakeUp;
    private final OutboxMetrics metrics;
    private final MessagingProperties.Relay settings;
    private final RelayBackoff backoff;
    private final Clock clock;

    private volatile boolean running;
    private Thread worker;

    OutboxRelay(OutboxRows rows, RelayLease lease, OutboxPublisher publisher, RetentionCleanup cleanup,
                RelayWakeUp wakeUp, OutboxMetrics metrics, MessagingProperties.Relay settings, Clock clock) {
        this.rows = rows;
        this.lease = lease;
        this.publisher = publisher;
        this.cleanup = cleanup;
        this.wakeUp = wakeUp;
        this.metrics = metrics;
        this.settings = settings;
        this.backoff = new RelayBackoff(settings.retryBackoff(), settings.maxRetryBackoff());
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay-" + lease.owner()).daemon().start(this::relayUntilStopped);
        log.info("outbox relay started instance={}", lease.owner());
    }

    /** Finishes the batch in hand, then gives up the lease so another instance takes over at once. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp.wakeUp();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("outbox relay could not release its lease instance={} cause={}", lease.owner(), e.toString());
        }
        publisher.close();
        log.info("outbox relay stopped instance={}", lease.owner());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        int failures = 0;
        boolean leader = false;
        while (running) {
            try {
                boolean holdsLease = lease.tryAcquire();
                if (holdsLease != leader) {
                    log.info("outbox relay {} lease instance={}", holdsLease ? "took" : "lost", lease.owner());
                    leader = holdsLease;
                }
                if (holdsLease) {
                    publishPending();
                    cleanup.runIfDue();
                }
                failures = 0;
                pause(settings.pollInterval(), true);
            } catch (RuntimeException e) {
                failures++;
                metrics.relayFailed();
                Duration delay = backoff.after(failures);
                log.warn("outbox relay round failed, rows kept instance={} failures={} retryIn={} cause={}",
                        lease.owner(), failures, delay, e.toString());
                pause(delay, false);
            }
        }
    }

    private void publishPending() {
        while (running) {
            List<PendingEvent> batch = rows.nextUnsent(settings.batchSize());
            if (batch.isEmpty()) {
                return;
            }
            PublishResult result = publisher.publish(batch);
            List<PendingEvent> acked = batch.subList(0, result.acked());
            rows.markSent(acked, clock.instant());
            metrics.published(acked, clock.instant());
            if (!result.complete()) {
                throw result.failure();
            }
            if (batch.size() < settings.batchSize() || !lease.tryAcquire()) {
                return;
            }
        }
    }

    /** Waits until {@code duration} passed or the relay stops; a commit ends the wait only if {@code wakeOnCommit}. */
    private void pause(Duration duration, boolean wakeOnCommit) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while (running && (left = deadline - System.nanoTime()) > 0) {
            if (wakeUp.await(Duration.ofNanos(left)) && wakeOnCommit) {
                return;
            }
        }
    }
}
