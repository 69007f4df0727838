package dev.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * The gateway's short shared cache (cache.SharedResponseCache) in front of a stub service that marks its answers
 * as the test asks. The default limit of 0.5 s applies.
 */
class SharedCacheIT extends GatewayInFrontOfStubs {

    private static final String SHAREABLE = "max-age=0, s-maxage=1";
    private static final AtomicInteger dates = new AtomicInteger();

    @Autowired
    MeterRegistry meters;

    @Test
    void anAnswerMarkedShareableIsServedToEveryFanFromTheGatewayForAtMostHalfASecond() {
        String path = seatsPath();
        double hitsBefore = lookups("hit");

        String first = get(path, activeBearer(), SHAREABLE);
        String otherFan = get(path, QueueTokens.bearer(tokens.active(UUID.randomUUID().toString(), CONCERT)),
                SHAREABLE);

        assertThat(concertService.bodiesSentTo(path)).hasSize(1);
        assertThat(otherFan).isEqualTo(first);
        assertThat(lookups("hit")).isEqualTo(hitsBefore + 1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            get(path, activeBearer(), SHAREABLE);
            assertThat(concertService.bodiesSentTo(path)).hasSizeGreaterThan(1);
        });
    }

    @Test
    void aCachedAnswerCarriesItsAgeAndTheServicesHeaders() {
        String path = seatsPath();
        get(path, activeBearer(), SHAREABLE);

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, activeBearer())
                .header(StubService.CACHE_CONTROL, SHAREABLE)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.AGE, "0")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, SHAREABLE)
                .expectHeader().valueEquals("X-Stub-Service", "concert-service")
                .expectHeader().contentType("application/json");
        assertThat(concertService.bodiesSentTo(path)).hasSize(1);
    }

    @Test
    void answersNotMarkedShareableAlwaysReachTheService() {
        for (String cacheControl : new String[] {null, "max-age=60", "private, s-maxage=1", "s-maxage=1, no-store",
                "no-cache, s-maxage=1", "s-maxage=0", "public", "s-maxage=x"}) {
            String path = seatsPath();
            get(path, activeBearer(), cacheControl);
            get(path, activeBearer(), cacheControl);
            assertThat(concertService.bodiesSentTo(path)).as(String.valueOf(cacheControl)).hasSize(2);
        }
    }

    @Test
    void routesOfServicesThatShareNothingSkipTheCache() {
        String poll = "/api/v1/queue/tokens/me";
        int before = queueService.bodiesSentTo(poll).size();
        for (int i = 0; i < 2; i++) {
            client.get().uri(poll).header(HttpHeaders.AUTHORIZATION, activeBearer())
                    .header(StubService.CACHE_CONTROL, SHAREABLE)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.AGE);
        }
        assertThat(queueService.bodiesSentTo(poll)).hasSize(before + 2);
    }

    @Test
    void aCachedAnswerStillNeedsAnActiveTokenForItsConcert() {
        String path = seatsPath();
        get(path, activeBearer(), SHAREABLE);

        expectProblem(client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, QueueTokens.bearer(tokens.waiting(USER, CONCERT))), 403,
                "QUEUE_NOT_ACTIVE");
        expectProblem(client.get().uri(path).header(HttpHeaders.AUTHORIZATION,
                QueueTokens.bearer(tokens.active(USER, UUID.randomUUID().toString()))), 403, "WRONG_CONCERT");
        expectProblem(client.get().uri(path), 401, "TOKEN_INVALID");
    }

    @Test
    void aRequestThatAsksForAFreshAnswerGetsOne() {
        String path = seatsPath();
        get(path, activeBearer(), SHAREABLE);

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, activeBearer())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(StubService.CACHE_CONTROL, SHAREABLE)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.AGE);
        assertThat(concertService.bodiesSentTo(path)).hasSize(2);
    }

    @Test
    void onlyGetsAreCached() {
        String path = seatsPath();
        for (int i = 0; i < 2; i++) {
            client.post().uri(path).header(HttpHeaders.AUTHORIZATION, activeBearer())
                    .header(StubService.CACHE_CONTROL, SHAREABLE)
                    .exchange()
                    .expectStatus().isOk();
        }
        assertThat(concertService.bodiesSentTo(path)).hasSize(2);
    }

    /** A path no other test asks for, so each test starts with nothing cached. */
    private static String seatsPath() {
        return "/api/v1/concerts/" + CONCERT + "/dates/" + LocalDate.of(2030, 1, 1).plusDays(dates.incrementAndGet())
                + "/seats";
    }

    private String get(String path, String bearer, String cacheControl) {
        var request = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
        if (cacheControl != null) {
            request = request.header(StubService.CACHE_CONTROL, cacheControl);
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private double lookups(String result) {
        return meters.counter("ticketing.gateway.shared_cache.lookups", "result", result).count();
    }
}
