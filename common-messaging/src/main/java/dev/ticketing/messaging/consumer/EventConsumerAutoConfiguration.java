package dev.ticketing.messaging.consumer;

import java.util.Map;

import dev.ticketing.events.EventSerde;
import dev.ticketing.events.UnreadableEvent;
import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.deadletter.DeadLetterAdmin;
import dev.ticketing.messaging.deadletter.DeadLetterDepth;
import dev.ticketing.messaging.deadletter.DeadLetterReplay;
import dev.ticketing.messaging.deadletter.ListenerGroups;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka consumer defaults for event listeners, applied to Boot's {@code kafkaListenerContainerFactory}:
 * <ul>
 * <li>Record values arrive as the raw {@code byte[]} (keys as String); listeners turn them into envelopes
 * with {@link EventSerde}. Raw bytes mean a record that cannot be read still reaches the listener and the
 * DLT byte for byte, instead of failing inside a deserializer.</li>
 * <li>An {@link EventErrorHandler}: a poison record ({@link UnreadableEvent}: malformed, unknown
 * eventType, unsupported schemaVersion; {@link EventRejected}: a rule violation) goes at once, unchanged plus
 * Spring's {@code kafka_dlt-*} headers, to its group's {@code <topic>.<group>.DLT}. Any other failure is
 * transient: retried without limit, with capped exponential back-off, and the partition waits for it. If the
 * DLT publish fails the record is delivered again, never dropped.</li>
 * <li>A 10 s session timeout (see {@link MessagingProperties.Consumer}): a killed instance's partitions move on
 * within seconds, not Kafka's default 45.</li>
 * <li>{@link DeadLetterReplay} to re-drive a group's dead letters, and the {@link DeadLetterDepth} gauge.</li>
 * </ul>
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean({ProducerFactory.class, KafkaAdmin.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class EventConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventSerde eventSerde() {
        return new EventSerde();
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer rawEventRecords(MessagingProperties properties) {
        MessagingProperties.Consumer consumer = properties.consumer();
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) consumer.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) consumer.heartbeatInterval().toMillis()));
    }

    @Bean
    DeadLetterProducer deadLetterProducer(ProducerFactory<?, ?> producerFactory) {
        return new DeadLetterProducer(producerFactory.getConfigurationProperties());
    }

    @Bean
    DeadLetterAdmin deadLetterAdmin(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
        return new DeadLetterAdmin(kafkaAdmin.getConfigurationProperties(), properties.deadLetters().partitions());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    EventErrorHandler eventErrorHandler(DeadLetterProducer deadLetterProducer, DeadLetterAdmin deadLetterAdmin,
                                        MessagingProperties properties, ObjectProvider<MeterRegistry> registry) {
        EventErrorHandler handler = new EventErrorHandler(
                new DeadLetterRecoverer(deadLetterProducer.template(), deadLetterAdmin), unlimited(properties.consumer()));
        handler.setRetryListeners(new ConsumerFailureMetrics(meters(registry), handler::isPoison));
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplay deadLetterReplay(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
        return new DeadLetterReplay(kafkaAdmin.getConfigurationProperties(), properties.deadLetters().replayTimeout());
    }

    @Bean
    DeadLetterDepth deadLetterDepth(DeadLetterAdmin deadLetterAdmin, ObjectProvider<MeterRegistry> registry,
                                    ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                                    MessagingProperties properties) {
        return new DeadLetterDepth(deadLetterAdmin, meters(registry), () -> ListenerGroups.consumed(listeners),
                properties.deadLetters().depthInterval());
    }

    private static MeterRegistry meters(ObjectProvider<MeterRegistry> registry) {
        return registry.getIfAvailable(() -> Metrics.globalRegistry);
    }

    private static ExponentialBackOff unlimited(MessagingProperties.Consumer consumer) {
        ExponentialBackOff backOff = new ExponentialBackOff(consumer.initialBackoff().toMillis(),
                consumer.backoffMultiplier());
        backOff.setMaxInterval(consumer.maxBackoff().toMillis());
        backOff.setMaxAttempts(Long.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
