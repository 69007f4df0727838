package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Creates a concert of its own for a scenario, so that scenarios never share a queue or seats. */
final class Concerts {

    static final long PRICE = 50_000;

    private Concerts() {
    }

    record Concert(String concertId, String title, LocalDate date) {
    }

    static Concert create(String scenario) {
        return create(SystemUnderTest.api(), scenario);
    }

    /** Through a given gateway (a stack of several instances has several). */
    static Concert create(HttpApi api, String scenario) {
        LocalDate date = LocalDate.now().plusDays(30);
        String title = scenario + " " + UUID.randomUUID();
        String body = """
                {"title":"%s","venue":"System Test Hall","dates":[{"date":"%s","price":%d},{"date":"%s","price":%d}]}
                """.formatted(title, date, PRICE, date.plusDays(1), PRICE);
        HttpApi.Response created = api.post("/api/v1/admin/concerts", body,
                Map.of("X-Admin-Key", SystemUnderTest.ADMIN_KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Concert(created.json().path("concertId").asString(), title, date);
    }
}
