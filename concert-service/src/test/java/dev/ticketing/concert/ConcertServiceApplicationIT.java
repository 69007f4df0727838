package dev.ticketing.concert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestAdminKey.PROPERTY)
@RealInfrastructure(database = "concert_db")
@AutoConfigureRestTestClient
class ConcertServiceApplicationIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayCreatesTheCatalogAndReadModelSchemaInTheRealDatabase() {
        List<String> applied = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE version IN ('1', '2') AND success = 1 ORDER BY version",
                String.class);
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE()
                  AND table_name IN ('concert', 'concert_date', 'seat', 'seat_reservation', 'id_sequence')
                ORDER BY table_name""", String.class);

        assertThat(applied).containsExactly("1", "2");
        assertThat(tables).containsExactly("concert", "concert_date", "id_sequence", "seat", "seat_reservation");
    }

    @Test
    void livenessIsUp() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void readinessIsUpAndIncludesTheDatabase() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(metrics).contains("application=\"concert-service\"");
    }

    @Test
    void openApiDocumentDescribesTheCatalog() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/v1/concerts'].get").exists()
                .jsonPath("$.paths['/api/v1/admin/concerts'].post").exists()
                .jsonPath("$.paths['/api/v1/concerts/{concertId}/dates'].get").exists()
                .jsonPath("$.paths['/api/v1/concerts/{concertId}/dates/{date}/seats'].get").exists();
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        http.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("Nothing exists at this path.");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        http.delete().uri("/api/v1/concerts").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJsonIsInvalidRequestProblem() {
        http.post().uri("/api/v1/admin/concerts")
                .header("X-Admin-Key", TestAdminKey.VALUE)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"Unclosed")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isEqualTo("The request body is not valid JSON.");
    }
}
