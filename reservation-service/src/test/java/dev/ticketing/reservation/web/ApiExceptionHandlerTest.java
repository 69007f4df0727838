package dev.ticketing.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import dev.ticketing.reservation.hold.application.HoldContended;

/** The shared handling (generic 500s that leak nothing) is tested in common-web; this is the service's own. */
class ApiExceptionHandlerTest {

    private static final String SECRET = "jdbc password is hunter2";

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new SimpleMeterRegistry());
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/anything"));

    @Test
    void aHoldLostToLockContentionIsServiceUnavailableSoTheClientRetries() {
        ResponseEntity<ProblemDetail> response = handler.handleRefusal(
                new HoldContended(new IllegalStateException(SECRET)), request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(response.getBody().toString()).doesNotContain("hunter2");
    }
}
