package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.TokenAnswer;
import dev.ticketing.queue.waiting.application.ExpiringTokens;
import dev.ticketing.queue.waiting.application.ExpiringTokens.ExpireToken;

class PollingPositionIT extends QueueServiceIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ExpiringTokens expiring;

    @Test
    void waitersAreToldTheirPlaceInJoinOrder() {
        UUID concert = concertService.newConcert();
        fillActivePlaces(concert);
        List<Holder> waiters = IntStream.range(0, 4).mapToObj(i -> joins(concert)).toList();

        List<TokenAnswer> answers = waiters.stream().map(Holder::poll).toList();

        assertThat(answers).extracting(TokenAnswer::status).containsOnly("WAITING");
        assertThat(answers).extracting(TokenAnswer::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(answers).extracting(TokenAnswer::estimatedWaitSeconds).isSorted().doesNotHaveDuplicates();
        assertThat(answers).extracting(TokenAnswer::tokenId)
                .containsExactlyElementsOf(waiters.stream().map(Holder::tokenId).toList());
    }

    @Test
    void anAdmittedTokenIsHandedItsActiveJwsWithTheSameId() throws Exception {
        UUID concert = concertService.newConcert();
        Holder waiting = joins(concert);

        TokenAnswer active = untilActive(waiting).answer();

        assertThat(active.tokenId()).isEqualTo(waiting.tokenId());
        assertThat(active.position()).isZero();
        assertThat(active.estimatedWaitSeconds()).isZero();
        assertThat(active.token()).isNotEqualTo(waiting.answer().token());
        JWTClaimsSet claims = active.jws().getJWTClaimsSet();
        assertThat(claims.getJWTID()).isEqualTo(waiting.tokenId().toString());
        assertThat(claims.getStringClaim("st")).isEqualTo("ACTIVE");
        // Admitted at the (standing) test clock's time, for the ACTIVE time of 10 minutes.
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(active.expiresAt());
    }

    @Test
    void theEstimateFollowsTheMeasuredAdmissionRate() {
        UUID concert = concertService.newConcert();
        String rate = "queue:concert:" + concert + ":rate";
        List<Holder> holders = fillActivePlaces(concert);
        List<Holder> waiters = IntStream.range(0, 10).mapToObj(i -> joins(concert)).toList();
        // The first cycle that sees someone waiting opens a measurement window.
        await().atMost(PATIENCE).until(() -> redis.opsForHash().hasKey(rate, "windowStart").block());

        holders.forEach(holder -> expiring.expire(new ExpireToken(holder.tokenId(), holder.userId(),
                TokenExpired.Reason.PAID)).block());
        waiters.subList(0, 3).forEach(this::untilActive);
        clock.advance(Duration.ofSeconds(1));
        await().atMost(PATIENCE).until(() -> redis.opsForHash().hasKey(rate, "perSecond").block());

        // 3 admitted in 1 s: the 7th in line waits about 7 / 3 s, not 7 x 200 s as the guarantee alone would say.
        TokenAnswer last = waiters.getLast().poll();
        assertThat(last.position()).isEqualTo(7);
        assertThat(last.estimatedWaitSeconds()).isEqualTo(3);
    }

    @Test
    void pollingWithoutTheGatewaysIdentityHeadersIsTokenInvalid() {
        http.get().uri("/api/v1/queue/tokens/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aMalformedIdentityHeaderIsAnInvalidRequest() {
        http.get().uri("/api/v1/queue/tokens/me")
                .header("X-Token-Id", "not-a-uuid")
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-Concert-Id", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aTokenPresentedForAnotherUserIsInvalid() {
        UUID concert = concertService.newConcert();
        Holder holder = joins(concert);

        queue().poll(holder.tokenId(), UUID.randomUUID(), concert).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aTokenTheQueueNeverIssuedIsInvalid() {
        queue().poll(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
    }
}
