package dev.ticketing.gateway.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

    private static final String CONCERT = "669908ad-c11b-4e1a-b559-1036c0c0a6e3";

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/v1/concerts,                                  PUBLIC",
            "GET,    /,                                                 PUBLIC",
            "GET,    /index.html,                                       PUBLIC",
            "GET,    /app/app.js,                                       PUBLIC",
            "POST,   /api/v1/queue/tokens,                              JOIN",
            "GET,    /api/v1/queue/jwks.json,                           PUBLIC",
            "GET,    /v3/api-docs/queue,                                PUBLIC",
            "GET,    /v3/api-docs,                                      PUBLIC",
            "GET,    /swagger-ui/index.html,                            PUBLIC",
            "GET,    /actuator/health/readiness,                        PUBLIC",
            "POST,   /api/v1/admin/concerts,                            ADMIN",
            "POST,   /api/v1/admin/queue/keys/rotate,                   ADMIN",
            "GET,    /api/v1/admin/analytics/concerts,                  ADMIN",
            "GET,    /api/v1/admin/analytics/concerts/c-1,              ADMIN",
            "GET,    /api/v1/queue/tokens/me,                           ANY_TOKEN",
            "GET,    /api/v1/balance,                                   ANY_TOKEN",
            "POST,   /api/v1/balance/charges,                           ANY_TOKEN",
            "GET,    /api/v1/balance/history,                           ANY_TOKEN",
            "GET,    /api/v1/reservations,                              ANY_TOKEN",
            "GET,    /api/v1/reservations/r-1,                          ANY_TOKEN",
            "GET,    /api/v1/payments,                                  ANY_TOKEN",
            "GET,    /api/v1/payments/p-1,                              ANY_TOKEN",
            "GET,    /api/v1/concerts/c-1/dates,                        ACTIVE_FOR_CONCERT",
            "GET,    /api/v1/concerts/c-1/dates/2026-12-24/seats,       ACTIVE_FOR_CONCERT",
            "POST,   /api/v1/reservations,                              ACTIVE",
            "POST,   /api/v1/payments,                                  ACTIVE"})
    void eachRouteOfTheContractHasItsAccess(String method, String path, Access access) {
        assertThat(AccessPolicy.ruleFor(HttpMethod.valueOf(method), path).access()).isEqualTo(access);
    }

    @ParameterizedTest
    @CsvSource({
            "POST,   /api/v1/concerts",
            "GET,    /api/v1/concerts/",
            "GET,    /api/v1/concerts/c-1",
            "GET,    /api/v1/concerts/c-1/dates/2026-12-24",
            "DELETE, /api/v1/reservations/r-1",
            "GET,    /api/v1/queue/tokens",
            "GET,    /api/v1/queue/jwks.jsonx",
            "GET,    /api/v1/reservations/r-1/x",
            "GET,    /api/v1/concerts/c-1/dates/2026-12-24/seats/7",
            "POST,   /api/v1/queue/tokens/me",
            "POST,   /",
            "GET,    //",
            "GET,    /index.htm"})
    void anythingNotListedNeedsAValidToken(String method, String path) {
        assertThat(AccessPolicy.ruleFor(HttpMethod.valueOf(method), path).access()).isEqualTo(Access.ANY_TOKEN);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/concerts,                                  PUBLIC",
            "/api/v1/queue/jwks.json,                           PUBLIC",
            "/actuator/health/readiness,                        PUBLIC",
            "/api/v1/queue/tokens/me,                           ANY_TOKEN",
            "/api/v1/balance,                                   ANY_TOKEN",
            "/api/v1/reservations,                              ANY_TOKEN",
            "/api/v1/reservations/r-1,                          ANY_TOKEN",
            "/api/v1/payments,                                  ANY_TOKEN",
            "/api/v1/payments/p-1,                              ANY_TOKEN",
            "/api/v1/balance/history,                           ANY_TOKEN",
            "/api/v1/concerts/c-1/dates,                        ACTIVE_FOR_CONCERT",
            "/api/v1/concerts/c-1/dates/2026-12-24/seats,       ACTIVE_FOR_CONCERT"})
    void headNeedsExactlyWhatGetNeeds(String path, Access access) {
        assertThat(AccessPolicy.ruleFor(HttpMethod.HEAD, path).access()).isEqualTo(access);
        assertThat(AccessPolicy.ruleFor(HttpMethod.HEAD, path)).isSameAs(AccessPolicy.ruleFor(HttpMethod.GET, path));
    }

    @Test
    void headOnAConcertBoundRouteComparesThePathsConcertLikeGet() {
        String dates = "/api/v1/concerts/" + CONCERT + "/dates";

        assertThat(AccessPolicy.ruleFor(HttpMethod.HEAD, dates).concertIs(dates, CONCERT)).isTrue();
        assertThat(AccessPolicy.ruleFor(HttpMethod.HEAD, dates).concertIs(dates, CONCERT.substring(1))).isFalse();
    }

    @Test
    void concertOfAConcertBoundRouteComesFromItsPath() {
        String dates = "/api/v1/concerts/" + CONCERT + "/dates";
        String seats = "/api/v1/concerts/" + CONCERT + "/dates/2026-12-24/seats";

        assertThat(AccessPolicy.ruleFor(HttpMethod.GET, dates).concertIs(dates, CONCERT)).isTrue();
        assertThat(AccessPolicy.ruleFor(HttpMethod.GET, seats).concertIs(seats, CONCERT)).isTrue();
        assertThat(AccessPolicy.ruleFor(HttpMethod.GET, seats).concertIs(seats, CONCERT.toUpperCase())).isTrue();
        assertThat(AccessPolicy.ruleFor(HttpMethod.GET, dates).concertIs(dates, CONCERT.substring(1))).isFalse();
        assertThat(AccessPolicy.ruleFor(HttpMethod.GET, dates).concertIs(dates, CONCERT + "0")).isFalse();
    }
}
