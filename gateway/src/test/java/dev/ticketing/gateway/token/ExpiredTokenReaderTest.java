package dev.ticketing.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.TokenActivated;
import dev.ticketing.events.TokenExpired;
import dev.ticketing.events.UnreadableEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiredTokenReaderTest {

    private static final EventSerde serde = new EventSerde();
    private static final Instant EXPIRED_AT = Instant.parse("2026-12-03T17:34:48.123Z");

    private final ExpiredTokenReader reader = new ExpiredTokenReader();

    @Test
    void aTokenExpiredAsQueueServiceWritesItGivesItsTokenAndTime() {
        UUID tokenId = UUID.randomUUID();
        for (TokenExpired.Reason reason : TokenExpired.Reason.values()) {
            TokenExpired expired = new TokenExpired(tokenId, UUID.randomUUID(), UUID.randomUUID(), reason, EXPIRED_AT,
                    EXPIRED_AT.minusSeconds(60));

            assertThat(reader.read(serde.toBytes(EventEnvelope.of(expired, EXPIRED_AT))))
                    .contains(new ExpiredTokenReader.Expired(tokenId.toString(), EXPIRED_AT));
        }
    }

    @Test
    void everyOtherEventIsPassedOver() {
        TokenActivated activated = new TokenActivated(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                EXPIRED_AT, EXPIRED_AT.plusSeconds(600), EXPIRED_AT.minusSeconds(5));

        assertThat(reader.read(serde.toBytes(EventEnvelope.of(activated, EXPIRED_AT)))).isEmpty();
    }

    @Test
    void fieldOrderAndEscapesDoNotMatter() {
        String json = """
                {"payload":{"reason":"PAID","expiredAt":"2026-12-03T17:34:48.123Z","nested":{"a":[1,{"b":2}]},
                 "tokenId":"6A1F4C2E-9B3D-4E5F-8A7B-0C1D2E3F4A5B"},"schemaVersion":1,"eventType":"Token\\u0045xpired"}
                """;

        assertThat(reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .contains(new ExpiredTokenReader.Expired("6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b", EXPIRED_AT));
    }

    @Test
    void aPayloadBeforeTheTypeOfAnotherEventIsNotJudgedAsATokenExpired() {
        String json = """
                {"payload":{"tokenId":42},"eventType":"TokenActivated","schemaVersion":1}
                """;

        assertThat(reader.read(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1}",
            "{\"eventType\":\"TokenExpired\",\"payload\":{\"tokenId\":\"6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b\","
                    + "\"expiredAt\":\"2026-12-03T17:34:48Z\"}}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":2,\"payload\":{\"tokenId\":"
                    + "\"6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b\",\"expiredAt\":\"2026-12-03T17:34:48Z\"}}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1,\"payload\":{\"tokenId\":\"not-a-uuid\","
                    + "\"expiredAt\":\"2026-12-03T17:34:48Z\"}}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1,\"payload\":{\"tokenId\":"
                    + "\"6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b\",\"expiredAt\":\"yesterday\"}}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1,\"payload\":{\"tokenId\":"
                    + "\"6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b\"}}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1,\"payload\":\"none\"}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1,\"payload\":{\"tokenId\":"
                    + "\"6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b\",\"expiredAt\":\"2026-12-03T17:34:48Z\"}} {}",
            "{\"eventType\":\"TokenExpired\",\"schemaVersion\":1,\"payload\":{\"tokenId\":"
                    + "\"6a1f4c2e-9b3d-4e5f-8a7b-0c1d2e3f4a5b\",\"expiredAt\":\"2026-12-03T17:34:48Z\"",
            "{\"eventType\":7}"})
    void whatItCannotReadIsUnreadableAsEventSerdeWouldSay(String json) {
        byte[] record = json.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> serde.read(record)).isInstanceOf(UnreadableEvent.class);
    }
}
