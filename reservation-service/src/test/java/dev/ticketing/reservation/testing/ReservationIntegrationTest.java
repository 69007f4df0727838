package dev.ticketing.reservation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import dev.ticketing.testsupport.RealInfrastructure;

/**
 * Every IT of this service: the same configuration, so all share one application context on real Kafka and
 * MariaDB, the catalog stub and a {@link TestClock}. The sweep runs often so that expiry follows the clock quickly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.hold-sweep.interval=50ms",
        "ticketing.hold-sweep.batch-size=10",
        "ticketing.messaging.consumer.initial-backoff=20ms",
        "ticketing.messaging.consumer.max-backoff=100ms",
        "logging.level.org.apache.kafka=WARN"})
@RealInfrastructure(database = "reservation_db")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = IntegrationTestSetup.class)
public @interface ReservationIntegrationTest {
}
