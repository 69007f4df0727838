package dev.ticketing.concert.catalog.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.ticketing.testsupport.TestInfrastructure;

/**
 * V2 turns schedule ids into integers by copying the tables: a database that already holds V1 concerts keeps
 * them. Runs Flyway by hand on a schema of its own (no Spring context: the service's ITs share theirs).
 */
class CatalogMigrationIT {

    private JdbcTemplate jdbc;

    @Test
    void concertsCreatedBeforeVersionTwoKeepTheirDatesAndSeatsWithNumberedSchedules() {
        TestInfrastructure.Database db = TestInfrastructure.get().database("concert_migration_db");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource).target("1").load().migrate();
        String concert = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String earlier = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO concert (id, title, venue, created_at) VALUES (?, 'Old', 'Hall', '2030-01-01')", concert);
        String date = "INSERT INTO concert_date (id, concert_id, date, booking_opens_at, base_price) VALUES (?, ?, ?, '2030-04-01', ?)";
        jdbc.update(date, later, concert, "2030-05-02", 2000);
        jdbc.update(date, earlier, concert, "2030-05-01", 1000);
        String seat = "INSERT INTO seat (schedule_id, seat_number, price, status, version) VALUES (?, ?, ?, 'AVAILABLE', 0)";
        for (int number = 1; number <= 50; number++) {
            jdbc.update(seat, earlier, number, 1000 + number);
            jdbc.update(seat, later, number, 2000);
        }

        flyway(dataSource).load().migrate();

        List<Map<String, Object>> dates =
                jdbc.queryForList("SELECT id, date FROM concert_date WHERE concert_id = ? ORDER BY id", concert);
        assertThat(dates).extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(1L, 2L);
        assertThat(dates).extracting(row -> row.get("date").toString()).containsExactly("2030-05-01", "2030-05-02");
        assertThat(count("SELECT SUM(price) FROM seat WHERE schedule_id = 1")).isEqualTo(50 * 1000 + (50 * 51) / 2);
        assertThat(count("SELECT COUNT(*) FROM seat WHERE schedule_id = 2 AND price = 2000 AND status = 'AVAILABLE' "
                + "AND holder_reservation_id IS NULL")).isEqualTo(50);
        assertThat(count("SELECT next_value FROM id_sequence WHERE name = 'concert_date'")).isEqualTo(3);
        assertThat(jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND (table_name LIKE '%copy' OR table_name LIKE '%numbering')""")).isEmpty();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }
}
