package dev.ticketing.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.UUID;

import dev.ticketing.gateway.ratelimit.JoinRateLimiter;
import dev.ticketing.gateway.ratelimit.JoinRateSettings;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class JoinRateLimitIT extends GatewayInFrontOfStubs {

    private static final int BURST = JOIN_RATE * JoinRateSettings.BURST_FACTOR;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void joinsBeyondTheBurstAreRateLimitedWithRetryAfter() {
        String address = newClientAddress();
        double rejectedBefore = meters.counter("ticketing.gateway.ratelimit.rejected").count();
        for (int join = 0; join < BURST; join++) {
            join(address).expectStatus().isOk();
        }

        // The bucket refills at JOIN_RATE per second: a few more joins find it empty, however slow this machine is.
        EntityExchangeResult<String> refused = null;
        for (int join = 0; join < 20 && refused == null; join++) {
            EntityExchangeResult<String> answer = join(address).expectBody(String.class).returnResult();
            if (answer.getStatus().value() == 429) {
                refused = answer;
            }
        }

        assertThat(refused).as("a join refused after the burst").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // At most one second until the next join: a whole second, as Retry-After counts.
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponseBody()).contains("\"code\":\"RATE_LIMITED\"", "\"status\":429");
        assertThat(meters.counter("ticketing.gateway.ratelimit.rejected").count()).isGreaterThan(rejectedBefore);
    }

    @Test
    void oneAddressUsingUpItsBurstDoesNotLimitAnother() {
        String greedy = newClientAddress();
        for (int join = 0; join < BURST + 3; join++) {
            join(greedy);
        }

        join(newClientAddress()).expectStatus().isOk();
    }

    @Test
    void everyAddressOfOneIpv6Slash64SharesOneLimit() {
        String subscriber = newSlash64();
        for (int join = 0; join < BURST; join++) {
            join(subscriber + Integer.toHexString(join + 1)).expectStatus().isOk();
        }

        // As above: the bucket refills at JOIN_RATE per second, so allow a few joins for a slow machine.
        boolean refused = false;
        for (int join = 0; join < 20 && !refused; join++) {
            refused = join(subscriber + "ffff:" + Integer.toHexString(join)).expectBody(String.class).returnResult()
                    .getStatus().value() == 429;
        }

        assertThat(refused).as("a join from a fresh address of the same /64 refused after the burst").isTrue();
        join(newSlash64() + "1").expectStatus().isOk();
    }

    @Test
    void theLimitIsSharedByEveryGatewayInstanceThroughRedis() {
        JoinRateLimiter one = limiter(new JoinRateSettings(JOIN_RATE, 0), redis, new SimpleMeterRegistry());
        JoinRateLimiter other = limiter(new JoinRateSettings(JOIN_RATE, 0), redis, new SimpleMeterRegistry());
        String address = newClientAddress();
        for (int join = 0; join < BURST; join++) {
            assertThat(one.acquire(address).block()).isZero();
        }

        assertThat(other.acquire(address).block()).isPositive();
    }

    @Test
    void rateZeroTurnsTheLimitOff() {
        JoinRateLimiter unlimited = limiter(new JoinRateSettings(0, 0), redis, new SimpleMeterRegistry());
        String address = newClientAddress();

        for (int join = 0; join < 10 * BURST; join++) {
            assertThat(unlimited.acquire(address).block()).isZero();
        }
    }

    @Test
    void withRedisDownEachInstanceStillLimitsJoinsOnItsOwnAndCountsIt() throws IOException {
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("localhost", portNobodyListensOn()),
                LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()).build());
        unreachable.afterPropertiesSet();
        try {
            SimpleMeterRegistry localMeters = new SimpleMeterRegistry();
            JoinRateLimiter degraded = limiter(new JoinRateSettings(JOIN_RATE, 0),
                    new ReactiveStringRedisTemplate(unreachable), localMeters);
            String address = newClientAddress();
            for (int join = 0; join < BURST; join++) {
                assertThat(degraded.acquire(address).block()).isZero();
            }

            assertThat(degraded.acquire(address).block()).isPositive();
            assertThat(localMeters.counter("ticketing.gateway.ratelimit.degraded").count()).isEqualTo(BURST + 1);
        } finally {
            unreachable.destroy();
        }
    }

    private WebTestClient.ResponseSpec join(String address) {
        return client.post().uri("/api/v1/queue/tokens")
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"" + USER + "\",\"concertId\":\"" + CONCERT + "\"}")
                .exchange();
    }

    private static JoinRateLimiter limiter(JoinRateSettings settings, ReactiveStringRedisTemplate redis,
                                           MeterRegistry meters) {
        return new JoinRateLimiter(settings, redis, Clock.systemUTC(), meters);
    }

    /** A documentation-range address (RFC 3849) in its own /64 per test: only ever a header value, never dialled. */
    private static String newClientAddress() {
        return newSlash64() + Long.toHexString(UUID.randomUUID().getLeastSignificantBits() & 0xffff);
    }

    /** A fresh documentation-range /64, as {@code 2001:db8:x:y::}, to append an interface id to. */
    static String newSlash64() {
        UUID random = UUID.randomUUID();
        return "2001:db8:" + Long.toHexString(random.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(random.getLeastSignificantBits() & 0xffff) + "::";
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
