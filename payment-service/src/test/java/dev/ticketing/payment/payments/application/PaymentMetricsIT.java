package dev.ticketing.payment.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.payment.support.IntegrationScenario;

class PaymentMetricsIT extends IntegrationScenario {

    @Autowired
    MeterRegistry meters;

    private final UUID user = newUser();
    private final UUID token = UUID.randomUUID();

    @Test
    void chargesPaymentsAndRefusalsAreCountedWithTheirAmounts() {
        double charges = count("ticketing.payment.charges");
        double completed = count("ticketing.payment.completed");
        double insufficient = rejected("INSUFFICIENT_BALANCE");
        double paidAmounts = amounts("payment").totalAmount();

        api().charge(user, 40_000);
        api().pay(user, token, holdFor(user, 50_000), null);
        api().pay(user, token, holdFor(user, 25_000), null);

        assertThat(count("ticketing.payment.charges")).isEqualTo(charges + 1);
        assertThat(count("ticketing.payment.completed")).isEqualTo(completed + 1);
        assertThat(rejected("INSUFFICIENT_BALANCE")).isEqualTo(insufficient + 1);
        assertThat(amounts("payment").totalAmount()).isEqualTo(paidAmounts + 25_000);
    }

    @Test
    void theMetersArePublishedForPrometheusInWon() {
        api().charge(user, 1_000);
        api().pay(user, token, UUID.randomUUID(), null);

        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(scrape).contains("ticketing_payment_charges_total", "ticketing_payment_completed_total",
                "ticketing_payment_refunded_total", "ticketing_payment_rejected_total{",
                "reason=\"RESERVATION_NOT_FOUND\"", "ticketing_payment_amount_KRW_count{",
                // common-web's LatencyHistograms: buckets for the p99 panels.
                "http_server_requests_seconds_bucket{");
    }

    private double count(String name) {
        return meters.get(name).counter().count();
    }

    private double rejected(String reason) {
        Counter counter = meters.find("ticketing.payment.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private DistributionSummary amounts(String operation) {
        return DistributionSummary.builder("ticketing.payment.amount").baseUnit("KRW").tag("operation", operation)
                .register(meters);
    }
}
