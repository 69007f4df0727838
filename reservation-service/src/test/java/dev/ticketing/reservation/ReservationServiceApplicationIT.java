package dev.ticketing.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.ticketing.events.Topics;
import dev.ticketing.reservation.config.ReservationProperties;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.testsupport.web.ServiceEndpointChecks;
import dev.ticketing.web.store.LostConnectionTransactionManager;

@ReservationIntegrationTest
class ReservationServiceApplicationIT implements ServiceEndpointChecks {

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReservationProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void flywayCreatesTheReservationTableInTheRealDatabase() {
        Integer applied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = 1", Integer.class);
        Integer tables = jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name = 'reservation'""", Integer.class);

        assertThat(applied).isEqualTo(1);
        assertThat(tables).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2' AND success = 1",
                Integer.class)).isEqualTo(1);
    }

    /** A hold whose connection is lost is not rolled back on the closed connection (common-web). */
    @Test
    void transactionsRunOnTheTransactionManagerThatLeavesAClosedConnectionAlone() {
        assertThat(transactions).isExactlyInstanceOf(LostConnectionTransactionManager.class);
    }

    @Test
    void theTopicThisServicePublishesIsCreatedAtStartUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of(Topics.RESERVATION_EVENTS)).allTopicNames().get();

            assertThat(topics.get(Topics.RESERVATION_EVENTS).partitions()).hasSize(3);
        }
    }

    @Test
    void holdTtlDefaultsToFiveMinutes() {
        assertThat(properties.holdTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void prometheusMetricsCountHoldsByOutcome() {
        assertThat(prometheus()).containsPattern("ticketing_reservation_holds_total\\{[^}]*outcome=\"held\"")
                .containsPattern("ticketing_reservation_holds_total\\{[^}]*outcome=\"seat_unavailable\"")
                .containsPattern("ticketing_reservation_holds_total\\{[^}]*outcome=\"hold_limit\"")
                .contains("ticketing_reservation_expired_total", "ticketing_reservation_confirmed_total",
                        "ticketing_reservation_rejected_total");
    }

    @Test
    void openApiDocumentDescribesThePublicApiOnly() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/reservations'].post").exists()
                .jsonPath("$.paths['/internal/v1/reservations/{reservationId}']").doesNotExist();
    }

    @Override
    public CheckedService checkedService() {
        return new CheckedService(port, "reservation-service", "db", "/api/v1/reservations/nothing/here", "/v3/api-docs");
    }
}
