package dev.ticketing.messaging.trace;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The outbox's {@link EventTracing}: over the application's Micrometer tracer when it has one (Boot's OpenTelemetry
 * bridge in every service), off otherwise. Ordered after Boot's tracing and before the outbox and the relay.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"},
        beforeName = {"dev.ticketing.messaging.outbox.OutboxAutoConfiguration",
                "dev.ticketing.messaging.relay.RelayAutoConfiguration"})
public class EventTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfUnique();
        Propagator format = propagator.getIfUnique();
        return available == null || format == null ? EventTracing.OFF : new MicrometerEventTracing(available, format);
    }
}
