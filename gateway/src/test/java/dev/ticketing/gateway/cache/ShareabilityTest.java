package dev.ticketing.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

class ShareabilityTest {

    private static final Set<String> ROUTES = Set.of("concert-service");

    private static final Duration LIMIT = Duration.ofMillis(500);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max-age=0, s-maxage=1     | PT0.5S",
            "S-MAXAGE=1                | PT0.5S",
            "s-maxage=\"1\"            | PT0.5S",
            "public, max-age=1         | PT0.5S",
            "public, max-age=60        | PT0.5S",
            "must-revalidate, s-maxage=3 | PT0.5S"})
    void sharedForTheServicesTimeCutToTheGatewaysLimit(String cacheControl, Duration expected) {
        assertThat(Shareability.of(HttpStatus.OK, cacheControl(cacheControl), LIMIT)).contains(expected);
    }

    @Test
    void aServiceThatAllowsLessThanTheLimitGetsLess() {
        assertThat(Shareability.of(HttpStatus.OK, cacheControl("s-maxage=1"), Duration.ofSeconds(5)))
                .contains(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "max-age=60", "public", "private, s-maxage=1", "s-maxage=1, no-store",
            "no-cache, s-maxage=1", "s-maxage=0", "s-maxage=-1", "s-maxage=soon", "s-maxage"})
    void notSharedUnlessTheServiceSaysSo(String cacheControl) {
        assertThat(Shareability.of(HttpStatus.OK, cacheControl(cacheControl), LIMIT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 204, 206, 301, 304, 404, 409, 500, 503})
    void onlyA200IsShared(int status) {
        assertThat(Shareability.of(HttpStatusCode.valueOf(status), cacheControl("s-maxage=1"), LIMIT)).isEmpty();
    }

    @Test
    void notAnAnswerThatSetsACookieOrVariesByRequest() {
        HttpHeaders cookie = cacheControl("s-maxage=1");
        cookie.add(HttpHeaders.SET_COOKIE, "a=b");
        HttpHeaders varies = cacheControl("s-maxage=1");
        varies.add(HttpHeaders.VARY, "Accept-Language");

        assertThat(Shareability.of(HttpStatus.OK, cookie, LIMIT)).isEmpty();
        assertThat(Shareability.of(HttpStatus.OK, varies, LIMIT)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"Cache-Control, no-cache, true", "Cache-Control, 'max-age=0, no-store', true",
            "Pragma, no-cache, true", "Cache-Control, max-age=0, false", "Accept, application/json, false"})
    void aRequestCanAskForAFreshAnswer(String header, String value, boolean refused) {
        HttpHeaders request = new HttpHeaders();
        request.add(header, value);
        assertThat(Shareability.refusedBy(request)).isEqualTo(refused);
    }

    @Test
    void theLimitIsAtMostFiveSecondsAndZeroTurnsTheCacheOff() {
        assertThat(new SharedCacheSettings(Duration.ZERO, 1, ROUTES).enabled()).isFalse();
        assertThat(new SharedCacheSettings(Duration.ofMillis(500), 1, ROUTES).enabled()).isTrue();
        assertThatThrownBy(() -> new SharedCacheSettings(Duration.ofSeconds(6), 1, ROUTES))
                .hasMessageContaining("max-age");
        assertThatThrownBy(() -> new SharedCacheSettings(Duration.ofMillis(-1), 1, ROUTES))
                .hasMessageContaining("max-age");
        assertThatThrownBy(() -> new SharedCacheSettings(Duration.ofMillis(500), 0, ROUTES))
                .hasMessageContaining("max-bytes");
    }

    @Test
    void onlyTheNamedRoutesGoThroughTheCache() {
        SharedCacheSettings settings = new SharedCacheSettings(Duration.ofMillis(500), 1, ROUTES);
        assertThat(settings.covers("concert-service")).isTrue();
        assertThat(settings.covers("queue-service")).isFalse();
        assertThat(new SharedCacheSettings(Duration.ZERO, 1, ROUTES).covers("concert-service")).isFalse();
    }

    private static HttpHeaders cacheControl(String value) {
        HttpHeaders headers = new HttpHeaders();
        if (!value.isEmpty()) {
            headers.add(HttpHeaders.CACHE_CONTROL, value);
        }
        return headers;
    }
}
