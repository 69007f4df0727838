package dev.ticketing.messaging.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store in memory, for the relay's own tests: events in write order, removed when acknowledged. It refuses an
 * acknowledgement that is not the oldest pending events in order, so a relay breaking the contract fails the test.
 */
public class InMemoryOutboxSource implements OutboxSource {

    private final String store;
    private final List<PendingEvent> pending = new ArrayList<>();
    private final List<PendingEvent> acknowledged = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private long nextId = 1;
    private RuntimeException failure;

    public InMemoryOutboxSource(String store) {
        this.store = store;
    }

    /** Writes an event whose payload is its text; returns it as the relay will read it. */
    public synchronized PendingEvent write(String topic, String key, String text) {
        return write(topic, key, text, null);
    }

    /** Writes an event in the trace {@code traceParent} names (null: outside a trace). */
    public synchronized PendingEvent write(String topic, String key, String text, String traceParent) {
        PendingEvent event = new PendingEvent(Long.toString(nextId++), UUID.randomUUID(), topic, key,
                text.getBytes(StandardCharsets.UTF_8), Instant.now(), traceParent);
        pending.add(event);
        notifyAll();
        return event;
    }

    /** From now on every read fails with {@code failure} (null: reads work again). */
    public synchronized void failReadsWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized List<PendingEvent> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public String store() {
        return store;
    }

    @Override
    public synchronized List<PendingEvent> nextBatch(int limit, Duration wait) {
        reads.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        if (pending.isEmpty()) {
            try {
                wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
    }

    @Override
    public synchronized void acknowledge(List<PendingEvent> published) {
        if (!pending.subList(0, Math.min(published.size(), pending.size())).equals(published)) {
            throw new AssertionError("acknowledged " + published + " while the oldest pending were " + pending);
        }
        pending.subList(0, published.size()).clear();
        acknowledged.addAll(published);
    }

    @Override
    public synchronized long pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized void wakeUp() {
        notifyAll();
    }
}
