package dev.ticketing.messaging.testapp;

import dev.ticketing.events.Topics;
import dev.ticketing.messaging.trace.EventTracing;
import dev.ticketing.messaging.trace.RecordingTracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** The smallest service using common-messaging: a DataSource, Kafka, and one idempotent listener. */
@SpringBootApplication
public class MessagingTestApplication {

    /** The services' tracer, recording: the outbox stores the current trace and the relay continues it. */
    @Bean
    RecordingTracer recordingTracer() {
        return new RecordingTracer();
    }

    @Bean
    EventTracing eventTracing(RecordingTracer tracer) {
        return tracer.eventTracing();
    }

    @Bean
    NewTopic reservationEvents() {
        return TopicBuilder.name(Topics.RESERVATION_EVENTS).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic paymentEvents() {
        return TopicBuilder.name(Topics.PAYMENT_EVENTS).partitions(3).replicas(1).build();
    }
}
