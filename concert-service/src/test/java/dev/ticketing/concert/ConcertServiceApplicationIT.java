package dev.ticketing.concert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ticketing.testsupport.RealInfrastructure;
import dev.ticketing.testsupport.web.ServiceEndpointChecks;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestAdminKey.PROPERTY)
@RealInfrastructure(database = "concert_db")
// Unused here, but it keeps this test in the one application context the other ITs share.
@AutoConfigureRestTestClient
class ConcertServiceApplicationIT implements ServiceEndpointChecks {

    @LocalServerPort
    int port;

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
    void openApiDocumentDescribesTheCatalog() {
        JsonNode paths = openApiDocument().path("paths");

        assertThat(paths.path("/api/v1/concerts").has("get")).as("GET /api/v1/concerts").isTrue();
        assertThat(paths.path("/api/v1/admin/concerts").has("post")).as("POST /api/v1/admin/concerts").isTrue();
        assertThat(paths.path("/api/v1/concerts/{concertId}/dates").has("get")).as("GET dates").isTrue();
        assertThat(paths.path("/api/v1/concerts/{concertId}/dates/{date}/seats").has("get")).as("GET seats").isTrue();
    }


    @Test
    void malformedJsonIsInvalidRequestProblem() {
        assertMalformedJsonIsInvalidRequest("/api/v1/admin/concerts", Map.of("X-Admin-Key", TestAdminKey.VALUE),
                "{\"title\": \"Unclosed");
    }

    @Override
    public CheckedService checkedService() {
        return new CheckedService(port, "concert-service", "db", "/api/v1/no-such-thing", "/api/v1/concerts");
    }
}
