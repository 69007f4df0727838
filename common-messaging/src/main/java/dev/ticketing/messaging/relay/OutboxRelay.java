package dev.ticketing.messaging.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.trace.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes a store's pending events ({@link OutboxSource}) to Kafka from one thread. Each round: take or renew
 * the lease; if held, read the next batch in order (waiting up to the poll interval when there is none), send it,
 * wait for Kafka's acks and only then acknowledge the acknowledged ones to the store. A failed round (Kafka or the
 * store unreachable) keeps every event and is retried after a growing pause: at-least-once, with the same event
 * ids, which consumers dedupe on. Business transactions never wait for the relay.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxSource source;
    private final RelayLease lease;
    private final OutboxPublisher publisher;
    private final OutboxMetrics metrics;
    private final MessagingProperties.Relay settings;
    private final RelayBackoff backoff;
    private final String owner;
    private final Clock clock;

    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private Thread worker;

    /**
     * @param kafka  the service's producer settings: connection only, the relay sets acks, idempotence, timeouts
     * @param owner  this instance's name in the lease
     */
    public OutboxRelay(OutboxSource source, RelayLease lease, Map<String, Object> kafka, String owner,
                       MessagingProperties.Relay settings, MeterRegistry registry, Clock clock) {
        this(source, lease, kafka, owner, settings, registry, clock, EventTracing.OFF);
    }

    /** @param tracing publishes each event in the trace stored with it */
    public OutboxRelay(OutboxSource source, RelayLease lease, Map<String, Object> kafka, String owner,
                       MessagingProperties.Relay settings, MeterRegistry registry, Clock clock, EventTracing tracing) {
        this.source = source;
        this.lease = lease;
        this.publisher = new OutboxPublisher(kafka, "outbox-relay-" + owner, settings.sendTimeout(), tracing);
        this.metrics = new OutboxMetrics(registry, source.store());
        this.settings = settings;
        this.backoff = new RelayBackoff(settings.retryBackoff(), settings.maxRetryBackoff());
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        worker = Thread.ofPlatform().name("outbox-relay-" + owner).daemon().start(this::relayUntilStopped);
        log.info("outbox relay started store={} instance={}", source.store(), owner);
    }

    /** Finishes the batch in hand, then gives up the lease so another instance takes over at once. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        source.wakeUp();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease.release(owner);
        } catch (RuntimeException e) {
            log.warn("outbox relay could not release its lease store={} instance={} cause={}", source.store(), owner,
                    e.toString());
        }
        publisher.close();
        log.info("outbox relay stopped store={} instance={}", source.store(), owner);
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
                boolean holdsLease = lease.tryAcquire(owner, settings.leaseDuration());
                if (holdsLease != leader) {
                    log.info("outbox relay {} lease store={} instance={}", holdsLease ? "took" : "lost",
                            source.store(), owner);
                    leader = holdsLease;
                }
                if (holdsLease) {
                    publishNextBatch();
                } else {
                    pause(settings.pollInterval());
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                metrics.relayFailed();
                Duration delay = backoff.after(failures);
                log.warn("outbox relay round failed, events kept store={} instance={} failures={} retryIn={} cause={}",
                        source.store(), owner, failures, delay, e.toString());
                pause(delay);
            }
        }
    }

    private void publishNextBatch() {
        List<PendingEvent> batch = source.nextBatch(settings.batchSize(), settings.pollInterval());
        if (batch.isEmpty() || !running) {
            return;
        }
        PublishResult result = publisher.publish(batch);
        List<PendingEvent> acked = batch.subList(0, result.acked());
        if (!acked.isEmpty()) {
            source.acknowledge(acked);
            metrics.published(acked, clock.instant());
        }
        if (!result.complete()) {
            throw result.failure();
        }
    }

    /** Waits until {@code duration} passed or the relay stops. */
    private void pause(Duration duration) {
        try {
            stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
