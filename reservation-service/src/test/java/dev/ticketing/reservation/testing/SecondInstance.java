package dev.ticketing.reservation.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import dev.ticketing.reservation.ReservationServiceApplication;

/**
 * Another instance of reservation-service in the same JVM, as production runs N of them: its own web server,
 * connection pool and caches, on the same schema, Kafka, catalog and clock as the test's instance. It neither
 * relays the outbox (the first instance does) nor joins the consumer group (a rebalance would only slow the
 * tests that follow); it holds seats and sweeps expiries like any instance.
 */
public final class SecondInstance implements AutoCloseable {

    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.kafka.bootstrap-servers", "ticketing.instances.concert-service", "ticketing.instances.payment-service",
            "ticketing.hold-sweep.interval");

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance besides(ConfigurableApplicationContext first) {
        Environment environment = first.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        SHARED.forEach(key -> properties.put(key, environment.getRequiredProperty(key)));
        properties.put("server.port", "0");
        properties.put("ticketing.messaging.relay.enabled", "false");
        properties.put("spring.kafka.listener.auto-startup", "false");
        TestClock clock = first.getBean(TestClock.class);
        ConfigurableApplicationContext second = new SpringApplicationBuilder(ReservationServiceApplication.class)
                .initializers(context -> {
                    context.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("secondInstance", properties));
                    IntegrationTestSetup.useClock(context, clock);
                })
                .run();
        return new SecondInstance(second);
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
