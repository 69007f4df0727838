package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogThroughGatewayIT {

    private final HttpApi api = SystemUnderTest.api();

    @Test
    void theDemoConcertsAreListedThroughTheGateway() {
        HttpApi.Response response = api.get("/api/v1/concerts");

        assertThat(response.status()).isEqualTo(200);
        JsonNode concerts = response.json();
        List<String> titles = new ArrayList<>();
        concerts.forEach(concert -> titles.add(concert.path("title").asString()));
        assertThat(titles).contains("Aurora Live in Seoul", "The Midnight Orchestra", "Neon Waves Festival");
        for (JsonNode concert : concerts) {
            assertThat(concert.path("concertId").asString()).matches("[0-9a-f-]{36}");
            assertThat(concert.path("title").asString()).isNotBlank();
            assertThat(concert.path("venue").asString()).isNotBlank();
        }
    }

    @Test
    void anUnknownPathIsAProblemNotFound() {
        HttpApi.Response response = api.get("/api/v1/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }
}
