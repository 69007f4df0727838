package dev.ticketing.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.TokenExpired;
import dev.ticketing.events.Topics;
import dev.ticketing.gateway.token.RevocationFeed;
import dev.ticketing.gateway.token.TokenRevocations;
import dev.ticketing.gateway.token.TokenSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RevocationIT extends GatewayInFrontOfStubs {

    private static final EventSerde serde = new EventSerde();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaProperties kafka;

    @Autowired
    TokenSettings tokenSettings;

    @Test
    void tokenExpiredOnKafkaMakesTheNextRequestWithThatTokenExpired() throws Exception {
        JWTClaimsSet claims = QueueTokens.claims("ACTIVE", USER, CONCERT).build();
        String bearer = QueueTokens.bearer(tokens.sign(claims));
        client.get().uri("/api/v1/balance").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk();

        TokenExpired paid = new TokenExpired(UUID.fromString(claims.getJWTID()), UUID.fromString(USER),
                UUID.fromString(CONCERT), TokenExpired.Reason.PAID, Instant.now(), null);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // A record the gateway cannot read is skipped, and does not hold up the ones after it.
            producer.send(new ProducerRecord<>(Topics.QUEUE_EVENTS, "garbage".getBytes(), "{not json".getBytes()))
                    .get();
            EventEnvelope<TokenExpired> event = EventEnvelope.of(paid, Instant.now());
            producer.send(new ProducerRecord<>(Topics.QUEUE_EVENTS, event.key().getBytes(), serde.toBytes(event)))
                    .get();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                expectProblem(client.get().uri("/api/v1/balance").header(HttpHeaders.AUTHORIZATION, bearer), 401,
                        "TOKEN_EXPIRED"));
        // Other tokens of the same user are not affected.
        getWithActiveToken("/api/v1/balance").exchange().expectStatus().isOk();
    }

    @Test
    void aStartingInstanceRebuildsEveryRevocationFromTheTopicBeforeItIsReady() throws Exception {
        String tokenId = UUID.randomUUID().toString();
        publish(new TokenExpired(UUID.fromString(tokenId), UUID.fromString(USER), UUID.fromString(CONCERT),
                TokenExpired.Reason.HOLD_EXPIRED, Instant.now(), null));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TokenRevocations rebuilt = new TokenRevocations(Clock.systemUTC(), meters);
        RevocationFeed starting = new RevocationFeed(kafka, rebuilt, tokenSettings, Clock.systemUTC());
        assertThat(starting.caughtUp()).isFalse();

        starting.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(starting::caughtUp);
            // Ready means complete: what was on the topic at start is in the set, no waiting beyond this point.
            assertThat(rebuilt.isRevoked(tokenId)).isTrue();
            // Caught up and polling: the feed reports itself up to date at every poll (1 s apart).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    meters.get("ticketing.gateway.revocations.behind").gauge().value()).isLessThan(2));
        } finally {
            starting.stop();
        }
    }

    private void publish(TokenExpired expired) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            EventEnvelope<TokenExpired> event = EventEnvelope.of(expired, Instant.now());
            producer.send(new ProducerRecord<>(Topics.QUEUE_EVENTS, event.key().getBytes(), serde.toBytes(event)))
                    .get();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
