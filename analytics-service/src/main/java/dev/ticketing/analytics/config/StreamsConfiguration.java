package dev.ticketing.analytics.config;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import dev.ticketing.analytics.events.EventReader;
import dev.ticketing.analytics.events.PublishedSchemas;
import dev.ticketing.analytics.streams.SalesTopology;
import dev.ticketing.analytics.streams.StreamMeters;
import dev.ticketing.analytics.streams.Topics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka Streams as Spring Kafka runs it ({@code spring.kafka.streams.*} in application.yml: application id,
 * {@code exactly_once_v2}, state directory, {@code application.server}), with {@link SalesTopology} as its topology.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    EventReader eventReader() {
        PublishedSchemas schemas = PublishedSchemas.released();
        log.info("event_schemas loaded={}", schemas.size());
        return new EventReader(schemas);
    }

    @Bean
    StreamMeters streamMeters(MeterRegistry registry) {
        return new StreamMeters(registry);
    }

    /** Builds the topology into the builder Spring Kafka starts; the settings it was built with are the bean. */
    @Bean
    SalesTopology.Settings salesTopology(StreamsBuilder builder, EventReader reader, StreamMeters meters,
                                         AnalyticsProperties properties,
                                         @Value("${spring.kafka.streams.application-id}") String applicationId) {
        SalesTopology.Settings settings = new SalesTopology.Settings(applicationId, properties.forgetAfter(),
                properties.minuteGrace(), properties.minuteRetention());
        SalesTopology.build(builder, reader, meters, settings);
        return settings;
    }

    /**
     * The topics read, in case this service starts before their producers made them (Kafka Streams refuses to run
     * without its source topics), and its dead-letter topics.
     */
    @Bean
    KafkaAdmin.NewTopics topics(AnalyticsProperties properties,
                                @Value("${spring.kafka.streams.application-id}") String applicationId) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.READ) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).build());
            topics.add(TopicBuilder.name(Topics.deadLetters(topic, applicationId)).partitions(properties.partitions())
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * A stream thread that fails on something other than poison (which never throws: it is dead-lettered) is
     * replaced; under exactly-once its unfinished transaction is aborted, so the new thread starts from the last
     * commit and counts nothing twice.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer streamsLifecycle() {
        return factory -> {
            factory.setStreamsUncaughtExceptionHandler(failure -> {
                log.error("stream_thread_failed action=replace_thread", failure);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            factory.setStateListener((now, before) -> log.info("streams_state from={} to={}", before, now));
            // A stopping instance hands its partitions over at once instead of after the session timeout.
            factory.setLeaveGroupOnClose(true);
        };
    }
}
