package dev.ticketing.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class OutboxPublisherTest {

    @Test
    void relayProducerIsIdempotentWithAcksAllWhateverTheServiceConfigured() {
        Map<String, Object> service = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-1", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 20);

        Map<String, Object> relay = OutboxPublisher.producerConfig(service, "outbox-relay-a", Duration.ofSeconds(3));

        assertThat(relay).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    @Test
    void aBatchCannotOutlastTheSendTimeout() {
        Map<String, Object> relay = OutboxPublisher.producerConfig(Map.of(), "outbox-relay-a", Duration.ofSeconds(3));

        assertThat(relay).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500);
    }
}
