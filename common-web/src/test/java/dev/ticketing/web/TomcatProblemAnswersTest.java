package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.ticketing.testsupport.RawHttpExchange;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Tomcat with common-web's auto-configuration, spoken to over a plain socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = TomcatProblemAnswersTest.App.class)
class TomcatProblemAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** No component scan: other tests of this package declare controllers and advice of their own. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Things.class, Advice.class})
    static class App {
    }

    @RestController
    static class Things {

        @GetMapping("/things/{id}")
        String thing(@PathVariable String id) {
            return id;
        }

        @PostMapping("/things")
        String create(@RequestBody java.util.Map<String, Object> body) {
            return "created";
        }
    }

    /** As each service has one. */
    @RestControllerAdvice
    static class Advice extends MvcProblemHandling {
    }

    @LocalServerPort
    int port;

    @Test
    void aTargetTomcatRefusesBeforeSpringRunsIsAProblemNotAnHtmlPage() throws IOException {
        String answer = send("GET /things/abc%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(head(answer)).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(body(answer));
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("code").asString()).isEqualTo(Problems.INVALID_REQUEST);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    /**
     * Repeated, as the gateway meets it: the 413 of a body refused before its first byte reaches a client that is
     * still sending. (On loopback the answer wins the race even without the larger swallow size, which matters
     * behind the gateway's proxy hop.)
     */
    @RepeatedTest(10)
    void aBodyRefusedUnreadStillGetsItsAnswerWhileTheClientIsSending() throws IOException {
        byte[] body = ("{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String answer = send("POST /things HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(JSON.readTree(body(answer)).path("code").asString()).isEqualTo("CONTENT_TOO_LARGE");
    }

    private String send(String head, byte[] body) throws IOException {
        return RawHttpExchange.send(port, head, body);
    }

    private static String head(String answer) {
        return answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
    }

    private static String body(String answer) {
        String raw = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        return head(answer).contains("transfer-encoding: chunked") ? dechunk(raw) : raw;
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
