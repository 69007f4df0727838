package dev.ticketing.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A blocking client calling a service by name through its configured instances, two real HTTP servers here: calls
 * are spread over both, a GET that meets a dead instance is answered by the other, and an instance whose health
 * check fails gets no calls until it passes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, classes = LoadBalancedCallsIT.Application.class)
class LoadBalancedCallsIT {

    private static final Instance FIRST = Instance.start("first");
    private static final Instance SECOND = Instance.start("second");

    @SpringBootApplication
    static class Application {
    }

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("ticketing.instances.echo-service", () -> FIRST.url() + "," + SECOND.url());
    }

    @Autowired
    RestClient.Builder restClients;

    @Autowired
    BlockingLoadBalancerInterceptor balancer;

    private RestClient echo;

    @BeforeEach
    void client() {
        FIRST.healthy.set(true);
        SECOND.healthy.set(true);
        FIRST.answering.set(true);
        SECOND.answering.set(true);
        echo = restClients.clone().baseUrl("http://echo-service").requestInterceptor(balancer).build();
    }

    @AfterAll
    static void stop() {
        FIRST.server.stop(0);
        SECOND.server.stop(0);
    }

    @Test
    void callsAreSpreadOverEveryInstance() {
        List<String> answers = new ArrayList<>();
        for (int call = 0; call < 10; call++) {
            answers.add(echo.get().uri("/who").retrieve().body(String.class));
        }
        assertThat(answers).contains("first", "second");
    }

    @Test
    void anInstanceFailingItsHealthCheckGetsNoCallsUntilItPassesAgain() {
        SECOND.healthy.set(false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tenCalls()).containsOnly("first"));
        SECOND.healthy.set(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tenCalls()).contains("second"));
    }

    @Test
    void whileNoInstancePassesItsCheckEveryOneStillGetsCalls() {
        FIRST.healthy.set(false);
        SECOND.healthy.set(false);
        // Alive but failing their checks (too slow to answer them, say): calls are still served by both.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tenCalls()).contains("first", "second"));
    }

    @Test
    void aGetMeetingADeadInstanceIsAnsweredByAnother() {
        // The health check still passes: the instance stops answering calls between two checks, as a crash would.
        FIRST.answering.set(false);
        assertThat(tenCalls()).containsOnly("second");
    }

    @Test
    void aPostIsNotRepeatedOnAnotherInstance() {
        FIRST.answering.set(false);
        SECOND.answering.set(false);
        assertThatThrownBy(() -> echo.post().uri("/who").retrieve().body(String.class))
                .isInstanceOf(RestClientException.class);
        assertThat(FIRST.posts + SECOND.posts).isEqualTo(1);
    }

    private List<String> tenCalls() {
        List<String> answers = new ArrayList<>();
        for (int call = 0; call < 10; call++) {
            answers.add(echo.get().uri("/who").retrieve().body(String.class));
        }
        return answers;
    }

    /** One instance: answers its name, or 503 when told to fail calls; its liveness group as told. */
    private static final class Instance {

        final HttpServer server;
        final AtomicBoolean healthy = new AtomicBoolean(true);
        final AtomicBoolean answering = new AtomicBoolean(true);
        volatile int posts;

        private Instance(HttpServer server) {
            this.server = server;
        }

        static Instance start(String name) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Instance instance = new Instance(server);
                server.createContext("/actuator/health/liveness", exchange ->
                        answer(exchange, instance.healthy.get() ? 200 : 503, "{}"));
                server.createContext("/who", exchange -> {
                    if ("POST".equals(exchange.getRequestMethod())) {
                        instance.posts++;
                    }
                    if (instance.answering.get()) {
                        answer(exchange, 200, name);
                    } else {
                        // Closed without an answer, as a killed process's socket would be.
                        exchange.close();
                    }
                });
                server.start();
                return instance;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
