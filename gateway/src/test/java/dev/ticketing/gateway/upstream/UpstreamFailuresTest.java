package dev.ticketing.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailuresTest {

    private static final TimeoutException TIMED_OUT = new TimeoutException("no answer within 5 s");

    @Test
    void aPostThatTimedOutMayHaveBeenApplied() {
        assertThat(UpstreamFailures.of("payment-service", HttpMethod.POST, TIMED_OUT))
                .isInstanceOf(OutcomeUnknown.class);
        // The HTTP client's own response timeout, as Spring Cloud Gateway reports it.
        assertThat(UpstreamFailures.of("payment-service", HttpMethod.POST,
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer", TIMED_OUT)))
                .isInstanceOf(OutcomeUnknown.class);
    }

    @Test
    void aPostWhoseConnectionBrokeBeforeTheAnswerMayHaveBeenApplied() {
        assertThat(UpstreamFailures.of("payment-service", HttpMethod.POST,
                PrematureCloseException.TEST_EXCEPTION)).isInstanceOf(OutcomeUnknown.class);
        assertThat(UpstreamFailures.of("payment-service", HttpMethod.PATCH, new IOException("Connection reset")))
                .isInstanceOf(OutcomeUnknown.class);
    }

    @Test
    void aPostThatNeverReachedTheServiceIsSafeToTryAgain() {
        CallNotPermittedException breakerOpen = CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("payment-service"));

        assertThat(UpstreamFailures.of("payment-service", HttpMethod.POST, new ConnectException("refused")))
                .isInstanceOf(ServiceUnavailable.class);
        assertThat(UpstreamFailures.of("payment-service", HttpMethod.POST, new ConnectTimeoutException("no SYN-ACK")))
                .isInstanceOf(ServiceUnavailable.class);
        assertThat(UpstreamFailures.of("payment-service", HttpMethod.POST, breakerOpen))
                .isInstanceOf(ServiceUnavailable.class)
                .extracting(failure -> ((ServiceUnavailable) failure).retryAfterSeconds()).isEqualTo(5L);
    }

    @Test
    void aRepeatableRequestIsSafeToTryAgainWhateverHappened() {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE)) {
            assertThat(UpstreamFailures.of("concert-service", method, TIMED_OUT))
                    .isInstanceOf(ServiceUnavailable.class)
                    .extracting(failure -> ((ServiceUnavailable) failure).retryAfterSeconds()).isEqualTo(1L);
        }
    }
}
