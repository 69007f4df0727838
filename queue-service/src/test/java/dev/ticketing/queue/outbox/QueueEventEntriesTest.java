package dev.ticketing.queue.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.QueueEvent;
import dev.ticketing.events.TokenActivated;
import dev.ticketing.events.TokenExpired;

class QueueEventEntriesTest {

    private final UUID eventId = UUID.randomUUID();
    private final UUID token = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID concert = UUID.randomUUID();

    @Test
    void anActivationEntryBecomesATokenActivatedEnvelopeWithTheEntrysEventId() {
        EventEnvelope<QueueEvent> envelope = QueueEventEntries.envelopeOf(entry("TokenActivated",
                "expiresAt", "1795242132000", "joinedAt", "1795241400000"));

        assertThat(envelope.eventId()).isEqualTo(eventId);
        assertThat(envelope.eventType()).isEqualTo("TokenActivated");
        assertThat(envelope.aggregateId()).isEqualTo(token.toString());
        assertThat(envelope.key()).isEqualTo(token.toString());
        assertThat(envelope.occurredAt()).isEqualTo(Instant.ofEpochMilli(1795241532123L));
        assertThat(envelope.payload()).isEqualTo(new TokenActivated(token, user, concert,
                Instant.ofEpochMilli(1795241532123L), Instant.ofEpochMilli(1795242132000L),
                Instant.ofEpochMilli(1795241400000L)));
    }

    @Test
    void anExpiryEntryWrittenBeforeTokensKeptTheirJoinTimeBecomesATokenExpiredWithoutOneThatReadsBack() {
        EventEnvelope<QueueEvent> envelope = QueueEventEntries.envelopeOf(entry("TokenExpired", "reason", "ABANDONED"));

        assertThat(envelope.payload()).isEqualTo(new TokenExpired(token, user, concert, TokenExpired.Reason.ABANDONED,
                Instant.ofEpochMilli(1795241532123L), null));
        EventSerde serde = new EventSerde();
        assertThat(serde.read(serde.toBytes(envelope))).isEqualTo(envelope);
    }

    @Test
    void anEntryThatCannotBeAnEventIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> QueueEventEntries.envelopeOf(entry("TokenJoined")));
        assertThatIllegalArgumentException().isThrownBy(() -> QueueEventEntries.envelopeOf(entry("TokenExpired")));
        assertThatIllegalArgumentException().isThrownBy(() -> QueueEventEntries.envelopeOf(
                entry("TokenExpired", "reason", "BORED")));
    }

    private Map<String, String> entry(String type, String... extra) {
        Map<String, String> entry = new HashMap<>(Map.of("type", type, "eventId", eventId.toString(),
                "tokenId", token.toString(), "userId", user.toString(), "concertId", concert.toString(),
                "at", "1795241532123"));
        for (int i = 0; i < extra.length; i += 2) {
            entry.put(extra[i], extra[i + 1]);
        }
        return entry;
    }
}
