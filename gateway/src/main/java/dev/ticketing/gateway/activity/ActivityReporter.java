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
 * Sends the noted requests to queue-service in batches, the first of each report with the booking path's figures
 * for the report's window ({@link BookingPathRecorder}), which queue-service's admission control follows. A report
 * is sent every interval even with nothing noted, so those figures arrive while the gateway runs. A failed send is
 * not retried: the fans' next requests are noted again, one lost report is far inside the idle timeout, and the
 * admission control looks at the next window. Metrics: {@code
 * ticketing.gateway.activity.reported} (tokens sent) and {@code ticketing.gateway.activity.failures} (sends that
 * failed).
 */
public class ActivityReporter {

    private static final Logger log = LoggerFactory.getLogger(ActivityReporter.class);

    private final ActivityLog activity;
    private final BookingPathRecorder bookingPath;
    private final ActivitySettings settings;
    private final WebClient http;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final Counter reported;
    private final Counter failures;

    public ActivityReporter(ActivityLog activity, BookingPathRecorder bookingPath, ActivitySettings settings,
                            WebClient http, MeterRegistry meters) {
        this.activity = activity;
        this.bookingPath = bookingPath;
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

    /**
     * Sends everything noted so far; one send at a time. Completes when queue-service answered (or failed), and by
     * then the next flush may start: the flag is cleared before completion is signalled, not after (a flush made
     * right after another one completed was skipped now and then, a report lost).
     */
    public Mono<Void> flush() {
        return Mono.defer(() -> {
            if (!sending.compareAndSet(false, true)) {
                return Mono.empty();
            }
            List<ActivityLog.Noted> noted = activity.drain();
            BookingPathRecorder.Window booking = bookingPath.drain();
            int first = Math.min(noted.size(), settings.batchSize());
            return send(noted.subList(0, first), booking)
                    .thenMany(Flux.fromIterable(noted.subList(first, noted.size()))
                            .buffer(settings.batchSize())
                            .concatMap(batch -> send(batch, null)))
                    .then()
                    .doOnTerminate(() -> sending.set(false))
                    .doOnCancel(() -> sending.set(false));
        });
    }

    /** One call; {@code booking} goes with the first call of a report only. */
    private Mono<Void> send(List<ActivityLog.Noted> batch, BookingPathRecorder.Window booking) {
        List<Map<String, String>> requests = batch.stream()
                .map(noted -> Map.of("tokenId", noted.tokenId(),
                        "at", Instant.ofEpochMilli(noted.atMillis()).toString()))
                .toList();
        Map<String, Object> body = booking == null ? Map.of("requests", requests) : Map.of("requests", requests,
                "booking", Map.of("requests", booking.requests(), "shed", booking.shed(),
                        "latencyMillis", booking.latencyMillis()));
        return http.post().uri(settings.reportUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
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
