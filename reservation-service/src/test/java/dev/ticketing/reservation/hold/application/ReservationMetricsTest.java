package dev.ticketing.reservation.hold.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ReservationMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReservationMetrics metrics = new ReservationMetrics(registry);

    @Test
    void aConfirmationCountsASeatSoldForItsConcert() {
        UUID rock = UUID.randomUUID();
        UUID jazz = UUID.randomUUID();

        metrics.confirmed(rock, Duration.ofMillis(40));
        metrics.confirmed(rock, Duration.ofMillis(60));
        metrics.confirmed(jazz, Duration.ofMillis(50));

        assertThat(sold(rock)).isEqualTo(2);
        assertThat(sold(jazz)).isEqualTo(1);
        assertThat(registry.get("ticketing.reservation.confirmed").counter().count()).isEqualTo(3);
        assertThat(registry.get("ticketing.reservation.confirmation.lag").timer().count()).isEqualTo(3);
    }

    private double sold(UUID concert) {
        return registry.get("ticketing.reservation.seats.sold").tag("concert", concert.toString()).counter().count();
    }
}
