package dev.ticketing.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import dev.ticketing.events.Topics;
import dev.ticketing.events.UnreadableEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link TokenRevocations} from {@code queue.events}: every TokenExpired, whatever its reason, revokes its
 * token id. Records are read with {@link ExpiredTokenReader}, which passes over every other event unbuilt.
 *
 * <ul>
 *   <li>A consumer group of its own per gateway instance (random id, nothing committed): each instance needs every
 *       event, and always rebuilds its set by reading from {@code now - maxLifetime} (offsetsForTimes).</li>
 *   <li>Ready once it has read up to the end offsets the topic had at start ({@link #caughtUp()}), so an instance
 *       takes no traffic with a partial revocation set. A topic that does not exist yet has nothing to catch up.</li>
 *   <li>Unreadable records are logged and skipped. The gateway is one of many readers of a topic owned by
 *       queue-service: each gateway instance dead-lettering the same record would fill queue.events.DLT with
 *       copies, and the producer's own checks (schemas in common-events) are where bad records are stopped.</li>
 * </ul>
 * One platform thread owns the consumer (a KafkaConsumer is single-threaded); it also evicts old revocations, and
 * starts the consumer again after an unexpected failure (the set it built so far stays).
 */
@Component
public class RevocationFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration EVICT_EVERY = Duration.ofMinutes(1);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(5);

    private final ExpiredTokenReader expiredTokens = new ExpiredTokenReader();
    private final Map<String, Object> consumerConfig;
    private final TokenRevocations revocations;
    private final TokenSettings settings;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public RevocationFeed(KafkaProperties kafka, TokenRevocations revocations, TokenSettings settings, Clock clock) {
        this.revocations = revocations;
        this.settings = settings;
        this.clock = clock;
        String group = "gateway-revocations-" + UUID.randomUUID();
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // queue-service owns the topic and its partition count; a reader must not create it with defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
    }

    /** Whether every revocation that existed at start has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("revocation-feed").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                consume();
            } catch (WakeupException stopping) {
                return; // stop() woke the consumer up to end the loop
            } catch (RuntimeException e) {
                caughtUp = false;
                log.error("revocation_feed_failed: restarting in {}", RESTART_AFTER, e);
                pauseBeforeRestart();
            }
        }
    }

    private void consume() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            CatchUpPoint endAtStart = catchUpPoint(kafka);
            log.info("revocation_feed_started group={} partitions={} replay={}",
                    consumerConfig.get(ConsumerConfig.GROUP_ID_CONFIG), endAtStart.partitions(),
                    settings.maxLifetime());
            kafka.subscribe(List.of(Topics.QUEUE_EVENTS),
                    new ReplayFromWindowStart(kafka, () -> clock.millis() - settings.maxLifetime().toMillis()));
            long nextEviction = clock.millis() + EVICT_EVERY.toMillis();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                    apply(record);
                }
                if (!caughtUp && endAtStart.reachedBy(kafka)) {
                    caughtUp = true;
                    log.info("revocation_feed_caught_up revoked={}", revocations.size());
                }
                if (caughtUp && nothingLeftToRead(kafka)) {
                    revocations.upToDate();
                }
                if (clock.millis() >= nextEviction) {
                    int evicted = revocations.evictExpired();
                    log.debug("revocations_evicted count={} remaining={}", evicted, revocations.size());
                    nextEviction = clock.millis() + EVICT_EVERY.toMillis();
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** Whether the position is at the end of every assigned partition (an unknown lag counts as behind). */
    private static boolean nothingLeftToRead(KafkaConsumer<byte[], byte[]> kafka) {
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong lag = kafka.currentLag(partition);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private void pauseBeforeRestart() {
        try {
            Thread.sleep(RESTART_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Where the topic ended at start, retried until Kafka answers; nothing to catch up on when stopping. */
    private CatchUpPoint catchUpPoint(KafkaConsumer<byte[], byte[]> kafka) {
        while (running) {
            try {
                return CatchUpPoint.of(kafka, Topics.QUEUE_EVENTS);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.warn("revocation_feed_waiting_for_kafka servers={}",
                        consumerConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
            }
        }
        return CatchUpPoint.NOTHING;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            expiredTokens.read(record.value()).ifPresent(expired ->
                    revocations.revoke(expired.tokenId(), expired.expiredAt().plus(settings.maxLifetime())));
        } catch (UnreadableEvent e) {
            log.warn("revocation_feed_skipped_unreadable partition={} offset={} reason=\"{}\"", record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
