package dev.ticketing.messaging.consumer;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer that writes dead letters: the raw key and value bytes as consumed, acks=all. Its own type
 * (not a ProducerFactory or KafkaTemplate bean) so it never competes with the service's Kafka beans.
 */
class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;

    DeadLetterProducer(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    KafkaTemplate<String, byte[]> template() {
        return template;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
