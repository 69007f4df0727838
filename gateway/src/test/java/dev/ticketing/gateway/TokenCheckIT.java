package dev.ticketing.gateway;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCheckIT extends GatewayInFrontOfStubs {

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int gatewayPort;

    @Test
    void activeTokenReachesTheServiceWithIdentityFromTheTokenNotFromTheClient() {
        JWTClaimsSet claims = QueueTokens.claims("ACTIVE", USER, CONCERT).build();

        client.get().uri("/api/v1/concerts/" + CONCERT + "/dates")
                .header(HttpHeaders.AUTHORIZATION, QueueTokens.bearer(tokens.sign(claims)))
                .header("X-User-Id", "someone-else")
                .header("X-Concert-Id", "another-concert")
                .header("X-Token-Id", "another-token")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("concert-service")
                .jsonPath("$.userId").isEqualTo(USER)
                .jsonPath("$.concertId").isEqualTo(CONCERT)
                .jsonPath("$.tokenId").isEqualTo(claims.getJWTID());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/queue/tokens/me", "GET /api/v1/balance", "POST /api/v1/balance/charges",
            "GET /api/v1/reservations/r-1", "GET /api/v1/payments/p-1"})
    void waitingTokenIsEnoughWhereAnyValidTokenIs(String route) {
        send(route, QueueTokens.bearer(tokens.waiting(USER, CONCERT)))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo(USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/concerts/{concert}/dates", "GET /api/v1/concerts/{concert}/dates/2026-12-24/seats",
            "POST /api/v1/reservations", "POST /api/v1/payments"})
    void waitingTokenOnAnActiveOnlyRouteIsQueueNotActive(String route) {
        expectProblem(request(route, QueueTokens.bearer(tokens.waiting(USER, CONCERT))), 403, "QUEUE_NOT_ACTIVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts/{other}/dates", "/api/v1/concerts/{other}/dates/2026-12-24/seats"})
    void activeTokenForAnotherConcertIsWrongConcert(String path) {
        double before = rejected("WRONG_CONCERT");

        expectProblem(getWithActiveToken(path.replace("{other}", UUID.randomUUID().toString())), 403, "WRONG_CONCERT");

        assertThat(rejected("WRONG_CONCERT")).isEqualTo(before + 1);
    }

    // HEAD answers carry no body, so the refusal's code shows in the rejection counter (and nowhere reaches a stub).

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts/{concert}/dates", "/api/v1/concerts/{concert}/dates/2026-12-24/seats"})
    void headWithAWaitingTokenOnAnActiveOnlyRouteIsQueueNotActive(String path) {
        double before = rejected("QUEUE_NOT_ACTIVE");

        head(path.replace("{concert}", CONCERT), QueueTokens.bearer(tokens.waiting(USER, CONCERT)))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("X-Stub-Service");

        assertThat(rejected("QUEUE_NOT_ACTIVE")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts/{other}/dates", "/api/v1/concerts/{other}/dates/2026-12-24/seats"})
    void headWithAnotherConcertsTokenIsWrongConcert(String path) {
        double before = rejected("WRONG_CONCERT");

        head(path.replace("{other}", UUID.randomUUID().toString()), activeBearer())
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("X-Stub-Service");

        assertThat(rejected("WRONG_CONCERT")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts/{concert}/dates", "/api/v1/balance", "/api/v1/reservations/r-1"})
    void headWithoutATokenIsInvalid(String path) {
        double before = rejected("TOKEN_INVALID");

        head(path.replace("{concert}", CONCERT), null)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().doesNotExist("X-Stub-Service");

        assertThat(rejected("TOKEN_INVALID")).isEqualTo(before + 1);
    }

    @Test
    void headWithAnActiveTokenReachesTheServiceAsHead() {
        head("/api/v1/concerts/" + CONCERT + "/dates/2026-12-24/seats", activeBearer())
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Stub-Service", "concert-service")
                .expectHeader().valueEquals("X-Stub-Method", "HEAD")
                .expectHeader().valueEquals("X-Stub-User-Id", USER);
    }

    @Test
    void headOnAPublicRouteNeedsNoToken() {
        head("/api/v1/concerts", null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Stub-Method", "HEAD");
    }

    @Test
    void concertInThePathMatchesWhateverTheCaseOfItsLetters() {
        getWithActiveToken("/api/v1/concerts/" + CONCERT.toUpperCase() + "/dates").exchange().expectStatus().isOk();
    }

    @Test
    void bookingForwardsTheTokensConcertForReservationServiceToCompareWithTheBody() {
        client.post().uri("/api/v1/reservations")
                .header(HttpHeaders.AUTHORIZATION, activeBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"concertId\":\"" + UUID.randomUUID() + "\",\"date\":\"2026-12-24\",\"seatNumber\":7}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("reservation-service")
                .jsonPath("$.concertId").isEqualTo(CONCERT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer not-a-jwt", "Bearer a.b.c"})
    void missingOrUnreadableTokenIsInvalid(String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/v1/balance");
        if (!authorization.isEmpty()) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        expectProblem(request, 401, "TOKEN_INVALID");
    }

    @Test
    void invalidTokenAnswerChallengesForABearerToken() {
        client.get().uri("/api/v1/balance").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void tokenSignedByAnotherKeyUnderTheSameKeyIdIsInvalid() {
        String forged = QueueTokens.sign(QueueTokens.claims("ACTIVE", USER, CONCERT).build(),
                QueueTokens.newKey(tokens.currentKey().getKeyID()));

        expectProblem(getWithBearer("/api/v1/balance", forged), 401, "TOKEN_INVALID");
    }

    @Test
    void tokenWhosePayloadWasEditedIsInvalid() {
        String[] parts = tokens.waiting(USER, CONCERT).split("\\.");
        String promoted = QueueTokens.claims("ACTIVE", USER, CONCERT).build().toString();
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes())
                + "." + parts[2];

        expectProblem(getWithBearer("/api/v1/concerts/" + CONCERT + "/dates", tampered), 401, "TOKEN_INVALID");
    }

    @Test
    void tokenSignedByAKeyTheQueueNeverPublishedIsInvalid() {
        String unknown = QueueTokens.sign(QueueTokens.claims("ACTIVE", USER, CONCERT).build(),
                QueueTokens.newKey("never-published-" + UUID.randomUUID()));

        expectProblem(getWithBearer("/api/v1/balance", unknown), 401, "TOKEN_INVALID");
    }

    @Test
    void tokenFromAnotherIssuerIsInvalid() {
        String foreign = tokens.sign(QueueTokens.claims("ACTIVE", USER, CONCERT).issuer("someone-else").build());

        expectProblem(getWithBearer("/api/v1/balance", foreign), 401, "TOKEN_INVALID");
    }

    @Test
    void tokenPastItsExpiryIsExpired() {
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        String expired = tokens.sign(QueueTokens.claims("ACTIVE", USER, CONCERT)
                .issueTime(Date.from(past.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(past)).build());

        expectProblem(getWithBearer("/api/v1/balance", expired), 401, "TOKEN_EXPIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/concerts", "GET /api/v1/queue/jwks.json", "GET /v3/api-docs/queue",
            "GET /actuator/health/liveness", "GET /swagger-ui/index.html"})
    void publicRoutesNeedNoToken(String route) {
        send(route, null).expectStatus().isOk();
    }

    @Test
    void joiningTheQueueNeedsNoToken() {
        client.post().uri("/api/v1/queue/tokens")
                .header("X-Forwarded-For", JoinRateLimitIT.newSlash64() + "1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"" + USER + "\",\"concertId\":\"" + CONCERT + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("queue-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/concerts, concert-service", "/api/v1/admin/queue/keys/rotate, queue-service",
            "/api/v1/admin/analytics/concerts, analytics-service"})
    void adminRoutesNeedNoQueueTokenAndPassTheAdminKeyThrough(String pathAndService) {
        String[] parts = pathAndService.split(", ");
        client.post().uri(parts[0]).header("X-Admin-Key", "admin-secret").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(parts[1])
                .jsonPath("$.adminKey").isEqualTo("admin-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/../concerts/x/dates", "/api/v1/admin/%2e%2e/concerts/x/dates",
            "/api/v1/admin;x=1/concerts", "/api/v1/admin//concerts"})
    void pathsAServiceWouldReadDifferentlyAreRefused(String path) {
        // An absolute URI goes out exactly as written: no normalising, no re-encoding by the test client.
        expectProblem(client.get().uri(URI.create("http://localhost:" + gatewayPort + path)), 400, "INVALID_REQUEST");
    }

    /**
     * queue-service names a token it has just issued in its answer: the gateway takes that token without checking
     * its signature (here one that would not verify, so only the learning can let it in), and drops the name.
     */
    @Test
    void aTokenQueueServiceNamesInItsAnswerIsKnownWithoutItsSignatureCheckedAndTheNameNeverReachesTheClient() {
        String unverifiable = unverifiable(tokens.active(USER, CONCERT));
        String dates = "/api/v1/concerts/" + CONCERT + "/dates";
        expectProblem(getWithBearer(dates, unverifiable), 401, "TOKEN_INVALID");
        double learnedBefore = meters.counter("ticketing.gateway.tokens.learned").count();

        getWithBearer("/api/v1/queue/tokens/me", tokens.waiting(USER, CONCERT))
                .header(StubService.ISSUE_TOKEN, unverifiable)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Ticketing-Issued-Token");

        assertThat(meters.counter("ticketing.gateway.tokens.learned").count()).isEqualTo(learnedBefore + 1);
        getWithBearer(dates, unverifiable).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.tokenId").exists();
    }

    /** Only the queue route's answers teach tokens; any other service's attempt is dropped and ignored. */
    @Test
    void noOtherServiceCanNameATokenToTheGateway() {
        String unverifiable = unverifiable(tokens.active(USER, CONCERT));

        getWithBearer("/api/v1/balance", tokens.active(USER, CONCERT))
                .header(StubService.ISSUE_TOKEN, unverifiable)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Ticketing-Issued-Token");

        expectProblem(getWithBearer("/api/v1/balance", unverifiable), 401, "TOKEN_INVALID");
    }

    /** The same token with a signature that no key made. */
    private static String unverifiable(String jws) {
        return jws.substring(0, jws.lastIndexOf('.') + 1) + "A".repeat(86);
    }

    private WebTestClient.RequestHeadersSpec<?> getWithBearer(String path, String token) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, QueueTokens.bearer(token));
    }

    private WebTestClient.ResponseSpec head(String path, String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = client.head().uri(path);
        return (authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization)).exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> request(String route, String authorization) {
        String[] methodAndPath = route.split(" ");
        WebTestClient.RequestHeadersSpec<?> request = client.method(HttpMethod.valueOf(methodAndPath[0]))
                .uri(methodAndPath[1].replace("{concert}", CONCERT));
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }

    private WebTestClient.ResponseSpec send(String route, String authorization) {
        return request(route, authorization).exchange();
    }

    private double rejected(String reason) {
        return meters.counter("ticketing.gateway.token.rejected", "reason", reason).count();
    }
}
