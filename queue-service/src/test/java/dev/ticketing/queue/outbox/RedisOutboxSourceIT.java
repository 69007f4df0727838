package dev.ticketing.queue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.ticketing.events.EventSerde;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.relay.PendingEvent;
import dev.ticketing.queue.QueueServiceIntegrationTest;

/** The outbox stream as the relay reads it, on a stream of its own in the real Redis. */
class RedisOutboxSourceIT extends QueueServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofMillis(200);

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    EventSerde serde;

    private final String key = "test:outbox:" + UUID.randomUUID();
    private final String dead = key + ":dead";
    private RedisOutboxSource source;

    @AfterEach
    void closeAndDelete() {
        if (source != null) {
            source.close();
        }
        redis.delete(List.of(key, dead));
    }

    @Test
    void entriesAreReadOldestFirstAsTheEventsTheyDescribe() {
        source = source();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        RecordId firstId = append(activated(first));
        append(expired(second));

        List<PendingEvent> batch = source.nextBatch(10, WAIT);

        assertThat(batch).extracting(PendingEvent::eventId).containsExactly(first, second);
        PendingEvent event = batch.getFirst();
        assertThat(event.id()).isEqualTo(firstId.getValue());
        assertThat(event.topic()).isEqualTo(Topics.QUEUE_EVENTS);
        assertThat(event.key()).isEqualTo(tokenOf(event));
        assertThat(event.createdAt()).isEqualTo(Instant.ofEpochMilli(firstId.getTimestamp()));
        assertThat(serde.read(event.payload()).eventId()).isEqualTo(first);
    }

    @Test
    void anEntryCarriesTheTraceItWasWrittenInToTheRelayAndOneWithoutATraceNone() {
        source = source();
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Map<String, String> traced = new HashMap<>(expired(UUID.randomUUID()));
        traced.put("traceparent", traceParent);
        append(traced);
        append(expired(UUID.randomUUID()));

        assertThat(source.nextBatch(10, WAIT)).extracting(PendingEvent::traceParent)
                .containsExactly(traceParent, null);
    }

    @Test
    void anEntryIsReadAgainUntilAcknowledgedAndAcknowledgingRemovesExactlyThoseEntries() {
        source = source();
        append(activated(UUID.randomUUID()));
        append(activated(UUID.randomUUID()));
        append(activated(UUID.randomUUID()));
        List<PendingEvent> firstRead = source.nextBatch(2, WAIT);

        List<PendingEvent> secondRead = source.nextBatch(2, WAIT);
        assertThat(secondRead).extracting(PendingEvent::eventId)
                .containsExactlyElementsOf(firstRead.stream().map(PendingEvent::eventId).toList());
        assertThat(secondRead.getFirst().payload()).isEqualTo(firstRead.getFirst().payload());

        source.acknowledge(firstRead.subList(0, 1));

        assertThat(source.pendingCount()).isEqualTo(2);
        assertThat(source.nextBatch(10, WAIT)).extracting(PendingEvent::id)
                .startsWith(firstRead.get(1).id()).hasSize(2);
    }

    @Test
    void anEntryThatCannotBeAnEventIsSetAsideAndTheOthersAreRead() {
        source = source();
        UUID readable = UUID.randomUUID();
        append(Map.of("type", "TokenJoined", "eventId", UUID.randomUUID().toString()));
        append(activated(readable));

        assertThat(source.nextBatch(10, WAIT)).extracting(PendingEvent::eventId).containsExactly(readable);
        assertThat(source.pendingCount()).isEqualTo(1);
        assertThat(redis.opsForStream().size(dead)).isEqualTo(1);
    }

    @Test
    void aReadOfAnEmptyStreamWaitsAndReturnsNothing() {
        source = source();
        long started = System.nanoTime();

        assertThat(source.nextBatch(10, WAIT)).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WAIT.minusMillis(20));
    }

    private RedisOutboxSource source() {
        return new RedisOutboxSource(redis, serde, key);
    }

    private RecordId append(Map<String, String> fields) {
        return redis.opsForStream().add(StringRecord.of(fields).withStreamKey(key));
    }

    private String tokenOf(PendingEvent event) {
        return serde.read(event.payload()).aggregateId();
    }

    private static Map<String, String> activated(UUID eventId) {
        return Map.of("type", "TokenActivated", "eventId", eventId.toString(), "tokenId", UUID.randomUUID().toString(),
                "userId", UUID.randomUUID().toString(), "concertId", UUID.randomUUID().toString(),
                "at", "1795241532123", "expiresAt", "1795242132000");
    }

    private static Map<String, String> expired(UUID eventId) {
        return Map.of("type", "TokenExpired", "eventId", eventId.toString(), "tokenId", UUID.randomUUID().toString(),
                "userId", UUID.randomUUID().toString(), "concertId", UUID.randomUUID().toString(),
                "at", "1795241532123", "reason", "PAID");
    }
}
