package dev.ticketing.reservation.testing;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The response is an RFC 9457 problem with this status and machine-readable code. */
    public static void expectProblem(RestTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.title").exists()
                .jsonPath("$.detail").exists();
    }
}
