package dev.ticketing.messaging.consumer;

import java.util.Map;

import dev.ticketing.events.EventSerde;
import dev.ticketing.events.UnreadableEventException;
import dev.ticketing.messaging.MessagingProperties;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka consumer defaults for event listeners, applied to Boot's {@code kafkaListenerContainerFactory}:
 * <ul>
 * <li>Record values arrive as the raw {@code byte[]} (keys as String); listeners turn them into envelopes
 * with {@link EventSerde}. Raw bytes mean a record that cannot be read still reaches the listener and the
 * DLT byte for byte, instead of failing inside a deserializer.</li>
 * <li>A {@link DefaultErrorHandler}: blocking retries with exponential back-off, then the record is
 * published unchanged (plus Spring's exception headers) to {@code <topic>.DLT}. An
 * {@link UnreadableEventException} (malformed JSON, unknown eventType, ...) goes to the DLT at once:
 * retrying cannot fix it. If the DLT publish fails the record is delivered again, never dropped.</li>
 * </ul>
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(ProducerFactory.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class EventConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventSerde eventSerde() {
        return new EventSerde();
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer rawEventRecords() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    @Bean
    DeadLetterProducer deadLetterProducer(ProducerFactory<?, ?> producerFactory) {
        return new DeadLetterProducer(producerFactory.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler eventErrorHandler(DeadLetterProducer deadLetterProducer,
                                          MessagingProperties properties, ObjectProvider<MeterRegistry> registry) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(
                deadLetterProducer.template(), DeadLetterDestination::of);
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, backOff(properties.consumer()));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setRetryListeners(new ConsumerFailureMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry)));
        return handler;
    }

    private static ExponentialBackOffWithMaxRetries backOff(MessagingProperties.Consumer consumer) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(consumer.maxRetries());
        backOff.setInitialInterval(consumer.initialBackoff().toMillis());
        backOff.setMultiplier(consumer.backoffMultiplier());
        backOff.setMaxInterval(consumer.maxBackoff().toMillis());
        return backOff;
    }
}
