package dev.ticketing.gateway.activity;

import java.time.Duration;

import dev.ticketing.gateway.upstream.QueueServiceTarget;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Wires activity reporting (with the booking path's figures) and sends a report every {@code flush-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ActivitySettings.class)
class ActivityConfiguration {

    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    ActivityLog activityLog() {
        return new ActivityLog();
    }

    @Bean
    BookingPathRecorder bookingPathRecorder() {
        return new BookingPathRecorder();
    }

    @Bean
    ActivityReporter activityReporter(ActivityLog activityLog, BookingPathRecorder bookingPath,
                                      ActivitySettings settings, MeterRegistry meters, WebClient.Builder webClients,
                                      LoadBalancedExchangeFilterFunction balancer) {
        // Boot's builder: http.client.requests and trace propagation come with it; any live queue-service instance
        // takes the report (they share the token store).
        WebClient http = webClients.clone().filter(balancer)
                .observationConvention(new QueueServiceTarget())
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(REPORT_TIMEOUT)))
                .build();
        return new ActivityReporter(activityLog, bookingPath, settings, http, meters);
    }

    @Bean
    ScheduledReports scheduledReports(ActivityReporter reporter) {
        return new ScheduledReports(reporter);
    }

    static class ScheduledReports {

        private final ActivityReporter reporter;

        ScheduledReports(ActivityReporter reporter) {
            this.reporter = reporter;
        }

        @Scheduled(fixedDelayString = "${ticketing.gateway.activity.flush-interval:PT5S}")
        void report() {
            reporter.flush().block(REPORT_TIMEOUT.multipliedBy(2));
        }
    }
}
