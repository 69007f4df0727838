package dev.ticketing.gateway.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class ActivityReporterTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ActivityLog log = new ActivityLog();
    private final BookingPathRecorder bookingPath = new BookingPathRecorder();
    private DisposableServer queueService;

    @AfterEach
    void stop() {
        if (queueService != null) {
            queueService.disposeNow();
        }
    }

    @Test
    void eachTokensLastRequestIsSentOnceInBatches() {
        ActivityReporter reporter = reporterFor(answering(204), 2);
        log.note("t1", 1_000);
        log.note("t1", 3_000);
        log.note("t1", 2_000);
        log.note("t2", 5_000);
        log.note("t3", 7_000);

        reporter.flush().block(Duration.ofSeconds(5));

        assertThat(received).hasSize(2);
        String all = String.join("", received);
        // Only t1's latest request counts; every token is sent once.
        assertThat(all).contains("1970-01-01T00:00:03Z").doesNotContain("1970-01-01T00:00:01Z")
                .doesNotContain("1970-01-01T00:00:02Z");
        assertThat(all.split("\"tokenId\"", -1)).hasSize(4);
        assertThat(all).contains("\"t1\"", "\"t2\"", "\"t3\"");
        assertThat(meters.counter("ticketing.gateway.activity.reported").count()).isEqualTo(3);
        assertThat(log.size()).isZero();

        // Nothing noted: one call all the same, with the booking path's (empty) window.
        reporter.flush().block(Duration.ofSeconds(5));
        assertThat(received).hasSize(3);
        assertThat(received.get(2)).doesNotContain("tokenId")
                .contains("\"booking\":{").contains("\"requests\":0").contains("\"shed\":0");
    }

    @Test
    void theFirstCallOfAReportCarriesTheBookingPathWindowAndTheNextReportStartsAFreshOne() {
        ActivityReporter reporter = reporterFor(answering(204), 1);
        log.note("t1", 1_000);
        log.note("t2", 2_000);
        bookingPath.record(40, false);
        bookingPath.record(700, true);

        reporter.flush().block(Duration.ofSeconds(5));

        assertThat(received).hasSize(2);
        assertThat(received.get(0)).contains("\"requests\":2", "\"shed\":1", "\"latencyMillis\":750");
        assertThat(received.get(1)).doesNotContain("booking");

        reporter.flush().block(Duration.ofSeconds(5));
        assertThat(received.get(2)).contains("\"requests\":0", "\"shed\":0", "\"latencyMillis\":0");
    }

    @Test
    void aFailedReportIsCountedAndDoesNotFailTheGateway() {
        ActivityReporter reporter = reporterFor(answering(503), 10);
        log.note("t1", 1_000);

        reporter.flush().block(Duration.ofSeconds(5));

        assertThat(meters.counter("ticketing.gateway.activity.failures").count()).isEqualTo(1);
        assertThat(meters.counter("ticketing.gateway.activity.reported").count()).isZero();
    }

    @Test
    void aFullLogIsSentWithoutWaitingForTheNextInterval() {
        ActivityReporter reporter = reporterFor(answering(204), 2);

        reporter.noted(log.note("t1", 1_000));
        assertThat(received).isEmpty();
        reporter.noted(log.note("t2", 1_000));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
    }

    private URI answering(int status) {
        queueService = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/internal/v1/queue/activity", (request, response) ->
                        request.receive().aggregate().asString().flatMap(body -> {
                            received.add(body);
                            return response.status(status).send().then();
                        })))
                .bindNow();
        return URI.create("http://127.0.0.1:" + queueService.port() + "/internal/v1/queue/activity");
    }

    private ActivityReporter reporterFor(URI url, int batchSize) {
        return new ActivityReporter(log, bookingPath,
                new ActivitySettings(url, Duration.ofSeconds(5), batchSize, batchSize),
                WebClient.create(), meters);
    }
}
