package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The gateway's token check, seen from a client: the contract's 401/403 codes and trusted identity headers. */
class TokenChecksIT {

    private final HttpApi api = SystemUnderTest.api();

    @Test
    void protectedRoutesRefuseMissingAndForgedTokens() {
        HttpApi.Response missing = api.get("/api/v1/balance");
        HttpApi.Response forged = api.get("/api/v1/balance", Map.of("Authorization", "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo("TOKEN_INVALID");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aWaitingTokenIsRefusedOnActiveRoutesAndATokenOnlyServesItsConcert() {
        Concerts.Concert concert = Concerts.create("token-checks");
        Concerts.Concert elsewhere = Concerts.create("token-checks-other");
        List<Fan> admitted = IntStream.range(0, SystemUnderTest.MAX_ACTIVE)
                .mapToObj(i -> new Fan().join(concert.concertId()).awaitActive()).toList();
        Fan waiting = new Fan().join(concert.concertId());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(waiting.poll().json().path("status").asString()).isEqualTo("WAITING"));

        HttpApi.Response notActive = waiting.get("/api/v1/concerts/" + concert.concertId() + "/dates");
        HttpApi.Response wrongConcert = admitted.get(0).get("/api/v1/concerts/" + elsewhere.concertId() + "/dates");

        assertThat(notActive.status()).isEqualTo(403);
        assertThat(notActive.code()).isEqualTo("QUEUE_NOT_ACTIVE");
        assertThat(wrongConcert.status()).isEqualTo(403);
        assertThat(wrongConcert.code()).isEqualTo("WRONG_CONCERT");
        assertThat(waiting.get("/api/v1/balance").status()).as("any valid token reads its balance").isEqualTo(200);
    }

    @Test
    void aClientSentUserIdNeverReachesAService() {
        Concerts.Concert concert = Concerts.create("spoofing");
        Fan victim = new Fan().join(concert.concertId());
        Fan spoofer = new Fan().join(concert.concertId());
        victim.charge(1_000);

        HttpApi.Response spoofed = api.get("/api/v1/balance", Map.of(
                "Authorization", "Bearer " + spoofer.token(), "X-User-Id", victim.userId()));

        assertThat(spoofed.status()).isEqualTo(200);
        assertThat(spoofed.json().path("balance").asLong()).isZero();
        assertThat(victim.balance()).isEqualTo(1_000);
    }
}
