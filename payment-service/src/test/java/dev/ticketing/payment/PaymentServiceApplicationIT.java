package dev.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ticketing.events.Topics;
import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.testsupport.web.ServiceEndpointChecks;

class PaymentServiceApplicationIT extends IntegrationScenario implements ServiceEndpointChecks {

    @LocalServerPort
    int port;

    @Test
    void flywayCreatesTheServiceTablesInTheRealDatabase() {
        List<String> applied = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank", String.class);
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
                AND table_name IN ('balance', 'payment', 'balance_charge', 'idempotency_record')
                ORDER BY table_name""", String.class);

        assertThat(applied).contains("1", "2");
        assertThat(tables).containsExactly("balance", "balance_charge", "idempotency_record", "payment");
    }

    @Test
    void theServiceCreatesTheTopicItPublishes() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Set.of(Topics.PAYMENT_EVENTS)).allTopicNames().get();

            assertThat(topics.get(Topics.PAYMENT_EVENTS).partitions()).hasSize(3);
        }
    }

    @Test
    void openApiDescribesTheBalanceAndPaymentEndpointsWithTheirIdentityHeaders() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/balance'].get").exists()
                .jsonPath("$.paths['/api/v1/balance/charges'].post.parameters[?(@.name == 'Idempotency-Key')]").exists()
                .jsonPath("$.paths['/api/v1/payments'].post.parameters[?(@.name == 'X-Token-Id')]").exists()
                .jsonPath("$.paths['/api/v1/payments/{paymentId}'].get.parameters[?(@.name == 'X-User-Id')]").exists();
    }

    @Override
    public CheckedService checkedService() {
        return new CheckedService(port, "payment-service", "db", "/api/v1/payments/nothing/here", "/v3/api-docs");
    }
}
