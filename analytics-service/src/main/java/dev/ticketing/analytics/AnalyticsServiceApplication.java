package dev.ticketing.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import dev.ticketing.web.admin.AdminApiConfiguration;

/**
 * Real-time sales and funnel figures per concert and date, computed with Kafka Streams from queue.events,
 * reservation.events and payment.events as any downstream consumer reads them: by the published schemas alone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(AdminApiConfiguration.class)
public class AnalyticsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsServiceApplication.class, args);
    }
}
