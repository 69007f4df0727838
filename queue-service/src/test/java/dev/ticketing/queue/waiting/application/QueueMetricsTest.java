package dev.ticketing.queue.waiting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import dev.ticketing.queue.waiting.domain.AdmissionRate;

class QueueMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QueueMetrics metrics = new QueueMetrics(registry);
    private final UUID concert = UUID.randomUUID();

    @Test
    void idleReleasesAreCountedApartFromAbandonsAndBothEndTokensAsAbandoned() {
        metrics.admissionOutcome(outcome(2, 3, List.of()));

        assertThat(count("ticketing.queue.abandoned")).isEqualTo(2);
        assertThat(count("ticketing.queue.released")).isEqualTo(3);
        assertThat(registry.get("ticketing.queue.expired").tag("reason", "ABANDONED").counter().count()).isEqualTo(5);
    }

    @Test
    void everyAdmittedTokensWaitIsRecordedBesideTheEstimatesJoinsAnswered() {
        metrics.estimatedWait(Duration.ofSeconds(30));
        metrics.admissionOutcome(outcome(0, 0, List.of(Duration.ofSeconds(20), Duration.ofSeconds(40))));

        assertThat(registry.get("ticketing.queue.wait.estimated").timer().count()).isEqualTo(1);
        assertThat(registry.get("ticketing.queue.wait.actual").timer().count()).isEqualTo(2);
        assertThat(registry.get("ticketing.queue.wait.actual").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(60);
    }

    @Test
    void aLinesCountersReadZeroFromItsFirstCycle() {
        metrics.admissionOutcome(outcome(0, 0, List.of()));

        assertThat(count("ticketing.queue.admitted")).isZero();
        assertThat(count("ticketing.queue.abandoned")).isZero();
        assertThat(count("ticketing.queue.released")).isZero();
    }

    private AdmissionOutcome outcome(long abandoned, long released, List<Duration> waits) {
        return new AdmissionOutcome(concert, waits.size(), 0, abandoned, released, 4, waits.size(),
                AdmissionRate.UNMEASURED, waits);
    }

    private double count(String name) {
        return registry.get(name).tag("concert", concert.toString()).counter().count();
    }
}
