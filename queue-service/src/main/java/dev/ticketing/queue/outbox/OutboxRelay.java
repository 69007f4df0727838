package dev.ticketing.queue.outbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import dev.ticketing.events.EventSerde;

/**
 * Forwards the outbox stream to Kafka {@code queue.events}. One relay at a time across instances ({@link RelayLease}):
 * it reads the stream in order with {@code XREAD BLOCK}, so an entry written by any instance wakes it at once;
 * sends the batch and waits for Kafka's acks; then deletes exactly those entries ({@code XDEL}), so the stream holds
 * only what is not yet confirmed. A crash or a failed send leaves entries in the stream and the next round (or the
 * next lease holder) starts again from the oldest: at-least-once, with the same event ids, which consumers dedupe
 * on. A single sender keeps one token's events in order (TokenActivated before TokenExpired).
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    static final Duration LEASE = Duration.ofSeconds(10);
    /** The longest one read waits for new entries; also how often an idle holder renews its lease. */
    static final Duration BLOCK = Duration.ofMillis(500);
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);
    static final int BATCH = 200;
    /** Entries that can never become an event (a defect) are set aside here, never dropped. */
    static final String DEAD_ENTRIES = "queue:outbox:dead";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration NOT_HOLDER_PAUSE = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final RedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final RelayLease lease;
    private final RelayPublisher publisher;
    private final RelayMetrics metrics;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private Thread thread;

    OutboxRelay(RedisConnectionFactory connections, StringRedisTemplate redis, ProducerFactory<?, ?> producerFactory,
                EventSerde serde, RelayMetrics metrics) {
        this.connections = connections;
        this.redis = redis;
        String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.lease = new RelayLease(redis, instanceId, LEASE);
        this.publisher = new RelayPublisher(producerFactory.getConfigurationProperties(), serde, SEND_TIMEOUT);
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        running = true;
        stopping = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("queue-outbox-relay").daemon().start(this::relay);
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        try {
            thread.join(BLOCK.plus(SEND_TIMEOUT).plusSeconds(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relay() {
        OutboxForwarder forwarder = new OutboxForwarder(connections, redis, publisher, metrics);
        boolean holder = false;
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                boolean holds = lease.holdOrTake();
                if (holds != holder) {
                    log.info("outbox_relay_lease {} instance={}", holds ? "taken" : "lost", lease.instanceId());
                    holder = holds;
                    forwarder.restartFromOldest();
                }
                if (!holds) {
                    pause(NOT_HOLDER_PAUSE);
                    continue;
                }
                forwarder.forwardNextBatch();
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                metrics.failedRound();
                log.warn("outbox_relay_failed retry_in_ms={} cause=\"{}\"", backoff.toMillis(), rootMessage(e));
                forwarder.restartFromOldest();
                publisher.close();
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        forwarder.close();
        if (holder) {
            release();
        }
    }

    /** Gives the lease up on stop, so another instance takes over at once instead of after it lapses. */
    private void release() {
        try {
            lease.release();
            log.info("outbox_relay_lease released instance={}", lease.instanceId());
        } catch (RuntimeException e) {
            log.warn("outbox_relay_lease_release_failed cause=\"{}\"", e.toString());
        }
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
