package dev.ticketing.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.ticketing.testsupport.RawHttpExchange;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Netty or Spring could not take apart, or that no service should be sent, over a real socket to the real
 * Netty server: each gets a problem+json, never Netty's empty answer or a reset connection.
 */
class MalformedRequestIT extends GatewayInFrontOfStubs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
            "'/api/v1/concerts\\..\\admin', raw backslash",
            "/api/v1/reservations/%zz,     invalid percent escape",
            "/api/v1/reservations/abc%,    truncated percent escape",
            "/api/v1/reservations/r-1%00,  encoded NUL in the path",
            "/api/v1/reservations/r%0A1,   encoded line feed in the path",
            "/api/v1/reservations/r%7F1,   encoded DEL in the path"})
    void aTargetThatIsNoValidPathIsABadRequestProblem(String target, String what) throws IOException {
        assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n", new byte[0]),
                400, "INVALID_REQUEST");
    }

    @Test
    void anOverlongRequestLineIsUriTooLongProblem() throws IOException {
        String target = "/api/v1/concerts/" + "a".repeat(16 * 1024);
        assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: gateway\r\n\r\n", new byte[0]), 414, "URI_TOO_LONG");
    }

    @ParameterizedTest
    @CsvSource({"Authorization, Bearer ", "X-Admin-Key, ''", "Idempotency-Key, ''"})
    void aHugeHeaderIsHeadersTooLargeProblem(String name, String prefix) throws IOException {
        String head = "POST /api/v1/balance/charges HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + name + ": " + prefix + "k".repeat(64 * 1024) + "\r\nContent-Length: 2\r\n\r\n";
        assertProblem(send(head, "{}".getBytes(StandardCharsets.US_ASCII)), 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    }

    /** Repeated: an answer followed by a plain close used to lose the race with the body still arriving. */
    @RepeatedTest(10)
    void aBodyDeclaredLargerThanAnyServiceTakesIsContentTooLargeProblem() throws IOException {
        byte[] body = ("{\"amount\":100,\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/v1/balance/charges HTTP/1.1\r\nHost: gateway\r\nAuthorization: " + activeBearer()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        assertProblem(send(head, body), 413, "CONTENT_TOO_LARGE");
    }

    @Test
    void aBodyWithinTheLimitStillReachesTheService() throws IOException {
        byte[] body = ("{\"pad\":\"" + "x".repeat(512 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/v1/balance/charges HTTP/1.1\r\nHost: gateway\r\nAuthorization: " + activeBearer()
                + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        String answer = send(head, body);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).contains("\"service\":\"payment-service\"");
    }

    private static void assertProblem(String answer, int status, String code) {
        assertThat(answer).as(abbreviated(answer)).startsWith("HTTP/1.1 " + status + " ");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    private String send(String head, byte[] body) throws IOException {
        return RawHttpExchange.send(port, head, body);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
