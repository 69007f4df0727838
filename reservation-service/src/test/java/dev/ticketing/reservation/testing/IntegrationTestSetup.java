package dev.ticketing.reservation.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service at the catalog and settlement stubs and gives it a {@link TestClock}. An initializer rather than a
 * configuration class: a second service instance started from the test (which scans the whole package) must not
 * pick it up, but gets the first instance's clock through {@link #useClock}.
 */
public class IntegrationTestSetup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("catalogStub",
                Map.of("ticketing.instances.concert-service", CatalogStub.get().url().toString(),
                        "ticketing.instances.payment-service", SettlementStub.get().url().toString())));
        useClock(context, new TestClock());
    }

    /** Makes {@code clock} the primary Clock of the context: the service's own stays, unused. */
    public static void useClock(ConfigurableApplicationContext context, TestClock clock) {
        ((GenericApplicationContext) context).registerBean("testClock", TestClock.class, () -> clock,
                definition -> definition.setPrimary(true));
    }
}
