package dev.ticketing.gateway.intake;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHeadCheckTest {

    private final RequestHeadCheck check = new RequestHeadCheck(1000);

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts", "/api/v1/reservations/r-1?cursor=a%20b", "/api/v1/concerts/%2e%2e/x",
            "/api/v1/payments/%2500", "/api/v1/reservations/\u00e9", "/api/v1/balance?x=%00"})
    void aParsableTargetWithoutControlCharactersInThePathPasses(String target) {
        assertThat(check.refusalOf(get(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts\\..\\admin", "/api/v1/reservations/%zz", "/a%4", "/a%00",
            "/a%1f/b", "/a%7F"})
    void aTargetSpringCannotParseOrWithAnEncodedControlCharacterIsABadRequest(String target) {
        assertThat(check.refusalOf(get(target))).get().extracting(RequestHeadCheck.Refusal::status)
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whatNettyCouldNotDecodeGetsTheStatusThatSaysWhy() {
        assertThat(statusOfFailure(new TooLongHttpLineException("long"))).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(statusOfFailure(new TooLongHttpHeaderException("big")))
                .isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(statusOfFailure(new IllegalArgumentException("bad"))).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsTooLargeAndOneAtTheLimitPasses() {
        HttpRequest atLimit = get("/api/v1/balance/charges");
        atLimit.headers().set("Content-Length", "1000");
        HttpRequest over = get("/api/v1/balance/charges");
        over.headers().set("Content-Length", "1001");

        assertThat(check.refusalOf(atLimit)).isEmpty();
        assertThat(check.refusalOf(over)).get().extracting(RequestHeadCheck.Refusal::status)
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    private HttpStatus statusOfFailure(Exception cause) {
        HttpRequest request = get("/bad-request");
        request.setDecoderResult(DecoderResult.failure(cause));
        return check.refusalOf(request).orElseThrow().status();
    }

    private static HttpRequest get(String target) {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
    }
}
