package dev.ticketing.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ReactiveLoadSheddingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoadSheddingProperties limitOfOne = new LoadSheddingProperties(true, 1, 1, 1, 0, Duration.ZERO,
            Duration.ofSeconds(3), 0.3, Duration.ZERO);
    private final ReactiveLoadShedding filter = new ReactiveLoadShedding(
            InFlightLimit.immediate(limitOfOne, meters), limitOfOne);

    @Test
    void aRequestOverTheLimitIsAnsweredServiceBusyWithoutReachingTheHandler() {
        Sinks.Empty<Void> slowHandler = Sinks.empty();
        MockServerWebExchange first = exchange("/api/v1/queue/tokens/me");
        Mono<Void> firstDone = filter.filter(first, exchange -> slowHandler.asMono());
        firstDone.subscribe();
        MockServerWebExchange second = exchange("/api/v1/queue/tokens/me");
        boolean[] reached = {false};

        filter.filter(second, chainThatMarks(reached)).block(Duration.ofSeconds(5));

        assertThat(reached[0]).isFalse();
        assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(second.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(second.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(second.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"code\":\"SERVICE_BUSY\"").contains("\"status\":503");
        assertThat(meters.counter("ticketing.http.shed").count()).isEqualTo(1);

        // Once the first is done its slot is free again.
        slowHandler.tryEmitEmpty();
        MockServerWebExchange third = exchange("/api/v1/queue/tokens/me");
        boolean[] thirdReached = {false};
        filter.filter(third, chainThatMarks(thirdReached)).block(Duration.ofSeconds(5));
        assertThat(thirdReached[0]).isTrue();
    }

    @Test
    void operationsEndpointsAreNeverShed() {
        filter.filter(exchange("/api/v1/queue/tokens/me"), exchange -> Sinks.empty().asMono().then()).subscribe();
        boolean[] reached = {false};

        filter.filter(exchange("/actuator/prometheus"), chainThatMarks(reached)).block(Duration.ofSeconds(5));

        assertThat(reached[0]).isTrue();
        assertThat(meters.counter("ticketing.http.shed").count()).isZero();
    }

    @Test
    void aRequestStillUnansweredAtItsDeadlineIsShedAndItsSlotFreed() {
        ReactiveLoadShedding withDeadline = withDeadline(Duration.ofMillis(100));
        MockServerWebExchange stalled = exchange("/api/v1/queue/tokens");

        withDeadline.filter(stalled, exchange -> {
            exchange.getResponse().getHeaders().set("Cache-Control", "no-store");
            return Mono.never();
        }).block(Duration.ofSeconds(5));

        assertThat(stalled.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(stalled.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(stalled.getResponse().getHeaders().getFirst(ShedRequests.SHED_HEADER)).isEqualTo("1");
        assertThat(stalled.getResponse().getHeaders().getFirst("Cache-Control")).as("the stalled answer's").isNull();
        assertThat(stalled.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"code\":\"SERVICE_BUSY\"");
        assertThat(meters.counter("ticketing.http.shed").count()).isEqualTo(1);
        boolean[] reached = {false};
        withDeadline.filter(exchange("/api/v1/queue/tokens/me"), chainThatMarks(reached)).block(Duration.ofSeconds(5));
        assertThat(reached[0]).as("the limit of one is free again").isTrue();
    }

    @Test
    void anAnswerAlreadyGoingOutAtTheDeadlineIsLeftToFinish() {
        ReactiveLoadShedding withDeadline = withDeadline(Duration.ofMillis(100));
        MockServerWebExchange slowBody = exchange("/api/v1/queue/tokens/me");

        withDeadline.filter(slowBody, exchange -> {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.OK);
            return response.writeWith(Flux.concat(
                    Mono.just(response.bufferFactory().wrap("{\"status\":".getBytes(StandardCharsets.UTF_8))),
                    Mono.delay(Duration.ofMillis(400)).map(late ->
                            response.bufferFactory().wrap("\"WAITING\"}".getBytes(StandardCharsets.UTF_8)))));
        }).block(Duration.ofSeconds(5));

        assertThat(slowBody.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(slowBody.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .isEqualTo("{\"status\":\"WAITING\"}");
        assertThat(meters.counter("ticketing.http.shed").count()).isZero();
    }

    @Test
    void withoutADeadlineASlowAnswerIsWaitedFor() {
        MockServerWebExchange slow = exchange("/api/v1/queue/tokens/me");

        filter.filter(slow, exchange -> Mono.delay(Duration.ofMillis(300)).then()).block(Duration.ofSeconds(5));

        assertThat(slow.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(meters.counter("ticketing.http.shed").count()).isZero();
    }

    private ReactiveLoadShedding withDeadline(Duration deadline) {
        LoadSheddingProperties properties = new LoadSheddingProperties(true, 1, 1, 1, 0, Duration.ZERO,
                Duration.ofSeconds(3), 0.3, deadline);
        return new ReactiveLoadShedding(InFlightLimit.immediate(properties, meters), properties);
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    private static WebFilterChain chainThatMarks(boolean[] reached) {
        return exchange -> {
            reached[0] = true;
            return Mono.empty();
        };
    }
}
