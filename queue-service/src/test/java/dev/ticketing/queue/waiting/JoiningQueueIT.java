package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.TokenAnswer;
import dev.ticketing.testsupport.web.CalledServiceMetrics;
import dev.ticketing.web.load.ShedRequests;

class JoiningQueueIT extends QueueServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aJoinIsAnsweredWithAWaitingTokenItsPlaceAndAnEstimateFromTheGuaranteedRate() throws Exception {
        UUID concert = concertService.newConcert();
        fillActivePlaces(concert);
        UUID user = UUID.randomUUID();

        TokenAnswer answer = queue().join(user, concert).expectStatus().isCreated()
                .expectHeader().location("/api/v1/queue/tokens/me")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(TokenAnswer.class).returnResult().getResponseBody();

        assertThat(answer.status()).isEqualTo("WAITING");
        assertThat(answer.position()).isEqualTo(1);
        // Nothing measured yet (the test clock stands still): 3 places per 10 minutes, so 200 s for the first.
        assertThat(answer.estimatedWaitSeconds()).isEqualTo(200);
        assertThat(answer.pollAfterSeconds()).isBetween(1L, 20L);
        SignedJWT jws = answer.jws();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jws.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = jws.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("ticketing-queue");
        assertThat(claims.getJWTID()).isEqualTo(answer.tokenId().toString());
        assertThat(claims.getSubject()).isEqualTo(user.toString());
        assertThat(claims.getStringClaim("cid")).isEqualTo(concert.toString());
        assertThat(claims.getStringClaim("st")).isEqualTo("WAITING");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plus(Duration.ofHours(2)))
                .isEqualTo(answer.expiresAt());
    }

    /** A newly signed token is named for the gateway too; an answer repeating a token it had already is not. */
    @Test
    void anAnswerWithANewlySignedTokenNamesItForTheGatewayAndARepeatedOneDoesNot() {
        UUID concert = concertService.newConcert();
        fillActivePlaces(concert);
        UUID user = UUID.randomUUID();

        var joined = queue().join(user, concert).expectStatus().isCreated().expectBody(TokenAnswer.class).returnResult();
        TokenAnswer answer = joined.getResponseBody();

        assertThat(joined.getResponseHeaders().getFirst(IdentityHeaders.ISSUED_TOKEN)).isEqualTo(answer.token());
        queue().poll(answer.tokenId(), user, concert).expectStatus().isOk()
                .expectHeader().doesNotExist(IdentityHeaders.ISSUED_TOKEN)
                .expectBody().jsonPath("$.token").isEqualTo(answer.token());
    }

    @Test
    void joiningAgainWhileWaitingKeepsTheTokenAndThePlace() {
        UUID concert = concertService.newConcert();
        fillActivePlaces(concert);
        Holder first = joins(concert);
        Holder second = joins(concert);

        TokenAnswer firstAgain = queue().joined(first.userId(), concert);
        TokenAnswer secondAgain = queue().joined(second.userId(), concert);

        assertThat(firstAgain.tokenId()).isEqualTo(first.tokenId());
        assertThat(firstAgain.position()).isEqualTo(1);
        assertThat(secondAgain.tokenId()).isEqualTo(second.tokenId());
        assertThat(secondAgain.position()).isEqualTo(2);
    }

    @Test
    void joiningAgainWhileActiveAnswersTheActiveToken() throws Exception {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        TokenAnswer again = queue().joined(holder.userId(), concert);

        assertThat(again.tokenId()).isEqualTo(holder.tokenId());
        assertThat(again.status()).isEqualTo("ACTIVE");
        assertThat(again.position()).isZero();
        assertThat(again.jws().getJWTClaimsSet().getStringClaim("st")).isEqualTo("ACTIVE");
    }

    @Test
    void theSameUserHasOnePlacePerConcert() {
        UUID user = UUID.randomUUID();

        TokenAnswer inOne = queue().joined(user, concertService.newConcert());
        TokenAnswer inAnother = queue().joined(user, concertService.newConcert());

        assertThat(inAnother.tokenId()).isNotEqualTo(inOne.tokenId());
    }

    @Test
    void aConcertThatDoesNotExistIsNotFound() {
        queue().join(UUID.randomUUID(), UUID.randomUUID()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("CONCERT_NOT_FOUND")
                .jsonPath("$.detail").exists();
    }

    /**
     * queue-service is healthy; only the concert cannot be confirmed. Shed-marked, so the gateway's breaker does not
     * count it against queue-service (which would cut off every poll too), and counted as a shed.
     */
    @Test
    void aFailingConcertServiceMakesTheJoinAShedNotAnError() {
        double shedBefore = meters.get(ShedRequests.SHED_METER).counter().count();

        queue().join(UUID.randomUUID(), concertService.failingConcert()).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().valueEquals(ShedRequests.SHED_HEADER, "1")
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_BUSY");

        assertThat(meters.get(ShedRequests.SHED_METER).counter().count()).isEqualTo(shedBefore + 1);
    }

    @Test
    void aConcertServiceThatDoesNotAnswerMakesTheJoinAShedInsteadOfHanging() {
        queue().join(UUID.randomUUID(), concertService.hangingConcert()).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(ShedRequests.SHED_HEADER, "1")
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_BUSY");
    }

    /** The client's first call is made at start, of an id no concert has, not by an on-sale's first joins. */
    @Test
    void theLookupIsWarmedUpAtStartWithAnIdNoConcertHas() {
        UUID first = await().atMost(PATIENCE).until(concertService::firstLookup, Optional::isPresent).orElseThrow();

        assertThat(concertService.made(first)).isFalse();
    }

    @Test
    void joinsForAConcertBeingLookedUpShareTheOneCallToConcertService() throws Exception {
        UUID concert = concertService.gatedConcert();
        int joins = 6;
        ExecutorService joiners = Executors.newFixedThreadPool(joins);
        try {
            List<Future<Integer>> answers = IntStream.range(0, joins)
                    .mapToObj(i -> joiners.submit(() -> queue().join(UUID.randomUUID(), concert)
                            .returnResult(Void.class).getStatus().value()))
                    .toList();
            // Every join is in queue-service, waiting on the lookup, before the lookup is answered.
            await().atMost(PATIENCE).until(() -> meters.get("ticketing.http.inflight").gauge().value() >= joins);
            concertService.release(concert);
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            joiners.shutdownNow();
        }
        assertThat(concertService.calls(concert)).isEqualTo(1);

        queue().joined(UUID.randomUUID(), concert);
        assertThat(concertService.calls(concert)).as("a known concert is not looked up again").isEqualTo(1);
    }

    @Test
    void callsToConcertServiceAreMeasuredByNameBesideItsBreakerAndTimeLimiter() {
        queue().join(UUID.randomUUID(), UUID.randomUUID()).expectStatus().isNotFound();

        assertThat(meters.get("http.client.requests").tag("client.name", "concert-service")
                .tag("uri", "/internal/v1/concerts/{concertId}").timer().count()).isPositive();
        // The latency buckets make a scrape of this shared context larger than the client's default 256 KB.
        String scrape = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        CalledServiceMetrics.assertMeasuredBesideItsBreakerAndTimeLimiter(scrape, "concert-service");
    }

    @Test
    void aUserIdThatIsNotAUuidIsAnInvalidRequest() {
        post(Map.of("userId", "me", "concertId", UUID.randomUUID().toString())).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isEqualTo("The value at 'userId' is missing or has the wrong type or format.");
    }

    @Test
    void aMissingConcertIdIsAnInvalidRequest() {
        post(Map.of("userId", UUID.randomUUID().toString())).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("concertId");
    }

    @Test
    void aBodyThatIsNotJsonIsAnInvalidRequest() {
        http.post().uri("/api/v1/queue/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"userId\":")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(Map<String, String> body) {
        return http.post().uri("/api/v1/queue/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
