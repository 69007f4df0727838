package dev.ticketing.queue.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.queue.signing.application.SigningKeyStore;
import dev.ticketing.queue.signing.application.SigningKeys;
import dev.ticketing.queue.waiting.application.AdmissionSignals;
import dev.ticketing.queue.waiting.application.AdmittingWaiters;
import dev.ticketing.queue.waiting.application.ConcertCatalog;
import dev.ticketing.queue.waiting.application.ControllingAdmission;
import dev.ticketing.queue.waiting.application.ExpiringTokens;
import dev.ticketing.queue.waiting.application.JoiningQueue;
import dev.ticketing.queue.waiting.application.PollingPosition;
import dev.ticketing.queue.waiting.application.QueueMetrics;
import dev.ticketing.queue.waiting.application.QueueStore;
import dev.ticketing.queue.waiting.application.TokenIssuer;
import dev.ticketing.queue.waiting.application.TokenSigner;
import dev.ticketing.queue.waiting.application.TrackingActivity;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the use cases, which know nothing of Spring, to their adapters. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    QueuePolicy queuePolicy(QueueProperties properties) {
        return new QueuePolicy(properties.maxActive(), properties.activeTtl(), properties.idleTimeout(),
                properties.admitInterval(), properties.activeIdleTimeout(), properties.pollBudget());
    }

    @Bean
    QueueMetrics queueMetrics(MeterRegistry registry) {
        return new QueueMetrics(registry);
    }

    @Bean
    SigningKeys signingKeys(SigningKeyStore store, QueuePolicy policy, SigningProperties signing, Clock clock) {
        return new SigningKeys(store, policy.longestTokenLifetime(), signing.publishLead(), clock);
    }

    @Bean
    TokenIssuer tokenIssuer(TokenSigner signer, QueuePolicy policy, Clock clock) {
        return new TokenIssuer(signer, policy, clock);
    }

    @Bean
    JoiningQueue joiningQueue(ConcertCatalog concerts, QueueStore store, TokenIssuer issuer, QueueMetrics metrics,
                              Clock clock) {
        return new JoiningQueue(concerts, store, issuer, metrics, clock);
    }

    @Bean
    PollingPosition pollingPosition(QueueStore store, TokenIssuer issuer, QueueMetrics metrics, Clock clock) {
        return new PollingPosition(store, issuer, metrics, clock);
    }

    @Bean
    ControllingAdmission controllingAdmission(AdmissionSignals signals, QueueProperties queue,
                                              AdmissionControlProperties control, QueueMetrics metrics, Clock clock) {
        return new ControllingAdmission(signals, control.control(queue.maxActive()), control.enabled(), metrics,
                clock);
    }

    @Bean
    AdmittingWaiters admittingWaiters(QueueStore store, ControllingAdmission control, QueueMetrics metrics,
                                      Clock clock) {
        return new AdmittingWaiters(store, control, metrics, clock);
    }

    @Bean
    TrackingActivity trackingActivity(QueueStore store, Clock clock) {
        return new TrackingActivity(store, clock);
    }

    @Bean
    ExpiringTokens expiringTokens(QueueStore store, QueueMetrics metrics, Clock clock) {
        return new ExpiringTokens(store, metrics, clock);
    }
}
