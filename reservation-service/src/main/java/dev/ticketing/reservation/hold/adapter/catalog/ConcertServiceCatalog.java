package dev.ticketing.reservation.hold.adapter.catalog;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.benmanes.caffeine.cache.AsyncCache;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.ticketing.reservation.hold.application.Catalog;
import dev.ticketing.reservation.hold.application.CatalogUnavailable;
import dev.ticketing.reservation.hold.application.ConcertNotFound;
import dev.ticketing.reservation.hold.application.DateNotFound;
import dev.ticketing.reservation.hold.domain.Schedule;

/**
 * The catalog as concert-service's internal API serves it, cached: a date's catalog never changes once created,
 * so each instance asks once per date, and concurrent misses share one call. The call runs under the
 * {@code concert-service} circuit breaker and time limiter. Not-found answers are answers (they never open the
 * circuit); neither they nor failures are kept, so a date added later, or concert-service back, is seen at once.
 */
class ConcertServiceCatalog implements Catalog {

    private static final Logger log = LoggerFactory.getLogger(ConcertServiceCatalog.class);

    /** What the start-up call asks for: the nil UUID, which no concert has. */
    static final ScheduleKey WARM_UP = new ScheduleKey(new UUID(0, 0), LocalDate.of(2000, 1, 1));

    private final RestClient http;
    private final AsyncCache<ScheduleKey, CatalogAnswer> cache;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    ConcertServiceCatalog(RestClient http, AsyncCache<ScheduleKey, CatalogAnswer> cache,
                          CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, ExecutorService calls) {
        this.http = http;
        this.cache = cache;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.calls = calls;
    }

    /**
     * One call, for a concert no one has, once the service is up and before any fan needs one: the first call
     * through this client builds its HTTP client, codecs and observation and loads their classes, and an on-sale's
     * first holds, all waiting on that call, ran into its 2 s limit while it did so (three lookups, 88 holds shed).
     * Not awaited, not cached; a failure only means the first hold pays for the first call as before.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        calls.execute(() -> log.debug("catalog_warmed_up answer={}", ask(WARM_UP).getClass().getSimpleName()));
    }

    @Override
    public Schedule schedule(UUID concertId, LocalDate date) {
        return switch (cache.get(new ScheduleKey(concertId, date), this::ask).join()) {
            case CatalogAnswer.Found found -> found.schedule();
            case CatalogAnswer.ConcertMissing missing -> throw new ConcertNotFound(concertId);
            case CatalogAnswer.DateMissing missing -> throw new DateNotFound(concertId, date);
            case CatalogAnswer.Unavailable unavailable -> throw new CatalogUnavailable(
                    "concert-service cannot be asked: " + unavailable.reason(), null);
        };
    }

    private CatalogAnswer ask(ScheduleKey key) {
        try {
            return circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(() -> fetch(key), calls)));
        } catch (CallNotPermittedException e) {
            return unavailable(key, "circuit open");
        } catch (TimeoutException e) {
            return unavailable(key, "no answer within the time limit");
        } catch (Exception e) {
            return unavailable(key, e.getMessage());
        }
    }

    /** @throws ConcertServiceFailure for anything but an answer the contract allows: the circuit counts those */
    private CatalogAnswer fetch(ScheduleKey key) {
        try {
            return http.get().uri("/internal/v1/concerts/{concertId}/dates/{date}", key.concertId(), key.date())
                    .exchange((request, response) -> switch (response.getStatusCode().value()) {
                        case 200 -> new CatalogAnswer.Found(response.bodyTo(ScheduleAnswer.class).toSchedule());
                        case 404 -> notFound(response.bodyTo(ProblemAnswer.class));
                        default -> throw new ConcertServiceFailure("answered " + response.getStatusCode().value());
                    });
        } catch (RestClientException | IllegalArgumentException | NullPointerException e) {
            throw new ConcertServiceFailure("unreachable or broke the contract: " + e);
        }
    }

    /** Only a problem with one of the contract's codes means "no such thing"; any other 404 is a broken contract. */
    private static CatalogAnswer notFound(ProblemAnswer problem) {
        String code = problem == null ? null : problem.code();
        if ("CONCERT_NOT_FOUND".equals(code)) {
            return new CatalogAnswer.ConcertMissing();
        }
        if ("DATE_NOT_FOUND".equals(code)) {
            return new CatalogAnswer.DateMissing();
        }
        throw new ConcertServiceFailure("answered 404 with code " + code);
    }

    private static CatalogAnswer unavailable(ScheduleKey key, String reason) {
        log.warn("catalog_unavailable concertId={} date={} reason=\"{}\"", key.concertId(), key.date(), reason);
        return new CatalogAnswer.Unavailable(reason);
    }

    record ScheduleKey(UUID concertId, LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemAnswer(String code) {
    }

    static final class ConcertServiceFailure extends RuntimeException {

        ConcertServiceFailure(String message) {
            super(message);
        }
    }
}
