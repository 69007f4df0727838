package dev.ticketing.gateway.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends the noted requests to queue-service in batches. A failed send is not retried: the fans' next requests
 * are noted again, and one lost report is far inside the idle timeout. Metrics: {@code
 * ticketing.gateway.activity.reported} (tokens sent) and {@code ticketing.gateway.activity.failures} (sends that
 * failed).
 */
public class ActivityReporter {

    private static final Logger log = LoggerFactory.getLogger(ActivityReporter.class);

    private final ActivityLog activity;
    private final ActivitySettings settings;
    private final WebClient http;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final Counter reported;
    private final Counter failures;

    public ActivityReporter(ActivityLog activity, ActivitySettings settings, WebClient http, MeterRegistry meters) {
        this.activity = activity;
        this.settings = settings;
        this.http = http;
        this.reported = Counter.builder("ticketing.gateway.activity.reported")
                .description("ACTIVE-token activity sent to queue-service (tokens)").register(meters);
        this.failures = Counter.builder("ticketing.gateway.activity.failures")
                .description("Activity reports queue-service did not take").register(meters);
    }

    /** Called with the log's size after each note: a full log is sent at once rather than grow further. */
    void noted(int pending) {
        if (pending >= settings.maxPending()) {
            flush().subscribe();
        }
    }

    /** Sends everything noted so far; one send at a time. Completes when queue-service answered (or failed). */
    public Mono<Void> flush() {
        if (!sending.compareAndSet(false, true)) {
            return Mono.empty();
        }
        List<ActivityLog.Noted> noted = activity.drain();
        return Flux.fromIterable(noted)
                .buffer(settings.batchSize())
                .concatMap(this::send)
                .then()
                .doFinally(signal -> sending.set(false));
    }

    private Mono<Void> send(List<ActivityLog.Noted> batch) {
        List<Map<String, String>> requests = batch.stream()
                .map(noted -> Map.of("tokenId", noted.tokenId(),
                        "at", Instant.ofEpochMilli(noted.atMillis()).toString()))
                .toList();
        return http.post().uri(settings.reportUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requests", requests))
                .retrieve()
                .toBodilessEntity()
                .doOnSuccess(answer -> reported.increment(batch.size()))
                .onErrorResume(e -> {
                    failures.increment();
                    log.warn("activity_report_failed tokens={} cause=\"{}\"", batch.size(), e.toString());
                    return Mono.empty();
                })
                .then();
    }
}
