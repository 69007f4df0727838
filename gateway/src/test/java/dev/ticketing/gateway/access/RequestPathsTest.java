package dev.ticketing.gateway.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts", "/api/v1/queue/jwks.json", "/api/v1/concerts/c-1/dates/2026-12-24/seats",
            "/api/v1/payments/p%20x", "/v3/api-docs/queue", "/"})
    void pathsOfTheApiArePlain(String path) {
        assertThat(RequestPaths.isPlain(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/../concerts", "/api/v1/admin/./x", "/api/v1/admin/..", "/api/v1//balance",
            "/api/v1/admin;x=1/concerts", "/api/v1/admin\\..\\balance", "/api/v1/admin/%2e%2e/concerts",
            "/api/v1/admin/%2E%2E/concerts", "/api/v1/admin%2fconcerts", "/api/v1/admin%5Cx"})
    void pathsAServiceCouldNormaliseDifferentlyAreNot(String path) {
        assertThat(RequestPaths.isPlain(path)).isFalse();
    }
}
