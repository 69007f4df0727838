package dev.ticketing.web.load;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Every service that has common-web bounds its in-flight requests: servlet services with a short backlog,
 * reactive ones without. {@code ticketing.load-shedding.enabled=false} turns it off.
 */
@AutoConfiguration
@EnableConfigurationProperties(LoadSheddingProperties.class)
@ConditionalOnBooleanProperty(name = "ticketing.load-shedding.enabled", matchIfMissing = true)
public class LoadSheddingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        /** First of all filters, so that a shed request costs nothing more. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ServletLoadShedding servletLoadShedding(LoadSheddingProperties properties,
                                                ObjectProvider<MeterRegistry> meters) {
            return new ServletLoadShedding(
                    InFlightLimit.waiting(properties, meters.getIfAvailable(() -> Metrics.globalRegistry)),
                    properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ReactiveLoadShedding reactiveLoadShedding(LoadSheddingProperties properties,
                                                  ObjectProvider<MeterRegistry> meters) {
            return new ReactiveLoadShedding(
                    InFlightLimit.immediate(properties, meters.getIfAvailable(() -> Metrics.globalRegistry)),
                    properties);
        }
    }
}
