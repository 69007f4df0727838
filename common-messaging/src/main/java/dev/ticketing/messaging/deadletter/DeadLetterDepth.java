package dev.ticketing.messaging.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gauge {@code ticketing.consumer.dead_letters{group,topic}}: records in each consumed topic's group
 * dead-letter topic that no replay has re-driven. Refreshed in the background every {@code interval}, so a
 * scrape never waits for Kafka; while Kafka does not answer the gauge keeps its last value. The first refresh
 * runs before the listener containers start and creates the dead-letter topics, so they exist (and read 0) before
 * anything is dead-lettered; with Kafka down it only delays start-up by the admin timeout.
 */
public class DeadLetterDepth implements SmartLifecycle {

    /** A group and a topic it consumes, from the application's listener containers. */
    public record Consumed(String group, String topic) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final DeadLetterAdmin admin;
    private final MeterRegistry registry;
    private final Supplier<List<Consumed>> consumed;
    private final Duration interval;
    private final Map<Consumed, AtomicLong> depths = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public DeadLetterDepth(DeadLetterAdmin admin, MeterRegistry registry, Supplier<List<Consumed>> consumed,
                           Duration interval) {
        this.admin = admin;
        this.registry = registry;
        this.consumed = consumed;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dead-letter-depth");
            thread.setDaemon(true);
            return thread;
        });
        refresh();
        scheduler.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Before the listener containers (and Boot's other Kafka lifecycles) start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    void refresh() {
        for (Consumed pair : consumed.get()) {
            try {
                String deadLetters = DeadLetterTopics.of(pair.topic(), pair.group());
                admin.ensureExists(deadLetters);
                gauge(pair).set(admin.depth(deadLetters, pair.group()));
            } catch (RuntimeException e) {
                // Kafka is away: the others would wait out the same timeout. The next refresh tries them all.
                log.warn("dead_letter_depth_unknown group={} topic={} cause={}", pair.group(), pair.topic(), e.toString());
                return;
            }
        }
    }

    private AtomicLong gauge(Consumed pair) {
        return depths.computeIfAbsent(pair, key -> {
            AtomicLong depth = new AtomicLong();
            Gauge.builder("ticketing.consumer.dead_letters", depth, AtomicLong::get)
                    .tags("group", key.group(), "topic", key.topic())
                    .description("Records in the group's dead-letter topic of this topic not yet replayed")
                    .register(registry);
            return depth;
        });
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
