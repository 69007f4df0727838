package dev.ticketing.payment.payments.adapter.reservation;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import dev.ticketing.payment.payments.application.PaymentClaim;
import dev.ticketing.payment.payments.application.ReservationServiceBusy;
import dev.ticketing.payment.payments.application.ReservationServiceUnavailable;
import dev.ticketing.payment.payments.application.Reservations;
import dev.ticketing.payment.payments.domain.Reservation;
import dev.ticketing.payment.payments.domain.ReservationStatus;
import dev.ticketing.web.load.ShedRequests;

/**
 * Claims on holds through reservation-service's internal API ({@code POST /internal/v1/reservations/{id}/payment-claim}),
 * which works on its reservation table, so a hold is visible the moment it was answered. Each call runs under the
 * {@code reservation-service} circuit breaker, and is given up once the payment could no longer make its transaction
 * in time (the time it is given; counted under the {@code reservation-service} time limiter's metrics). A
 * RESERVATION_NOT_FOUND answer is an answer
 * (empty), not a failure; a shed (503 with {@code Ticketing-Shed}) or an open circuit is reservation-service being
 * busy ({@link ReservationServiceBusy}, not counted by the breaker), and so is no answer within the payment's time
 * (counted by the breaker: one that hangs opens it); anything else that is not a reservation counts as the service
 * being unavailable.
 */
class ReservationServiceClient implements Reservations {

    private static final Logger log = LoggerFactory.getLogger(ReservationServiceClient.class);

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;

    ReservationServiceClient(RestClient http, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter) {
        this.http = http;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
    }

    @Override
    public Optional<PaymentClaim> claimForPayment(UUID reservationId, UUID payerId, UUID concertId,
                                                  Duration within) {
        try {
            return circuitBreaker.executeCallable(() -> timeLimited(() -> ClaimTimeout.within(within,
                    () -> claim(reservationId, payerId, concertId))));
        } catch (ReservationServiceUnavailable e) {
            throw e;
        } catch (CallNotPermittedException e) {
            throw busy(reservationId, "circuit open", e);
        } catch (TimeoutException e) {
            // Out of the payment's time, not broken: an overloaded reservation-service answers late, and the gateway
            // must not cut payment-service off for that (its charges do not need reservation-service at all). The
            // breaker above has counted the timeout, so a reservation-service that hangs opens it, and later
            // payments are shed at once.
            log.warn("reservation_service_slow reservationId={} within={}ms", reservationId, within.toMillis());
            throw new ReservationServiceBusy("reservation-service did not answer within " + within.toMillis() + " ms", e);
        } catch (Exception e) {
            throw unavailable(reservationId, e.getClass().getSimpleName(), e);
        }
    }

    /** The call's outcome, told to the time limiter (its metrics count the claims that ran out of time). */
    private <T> T timeLimited(Callable<T> call) throws Exception {
        try {
            T answer = call.call();
            timeLimiter.onSuccess();
            return answer;
        } catch (Exception | Error e) {
            timeLimiter.onError(e);
            throw e;
        }
    }

    private Optional<PaymentClaim> claim(UUID reservationId, UUID payerId, UUID concertId) throws TimeoutException {
        try {
            return http.post().uri("/internal/v1/reservations/{reservationId}/payment-claim", reservationId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ClaimRequest(payerId, concertId))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return Optional.of(response.bodyTo(ClaimAnswer.class).toClaim());
                        }
                        if (status == 503 && response.getHeaders().containsHeader(ShedRequests.SHED_HEADER)) {
                            throw busy(reservationId, "shed", null);
                        }
                        if (status == 404) {
                            ProblemAnswer problem = response.bodyTo(ProblemAnswer.class);
                            if (problem != null && "RESERVATION_NOT_FOUND".equals(problem.code())) {
                                return Optional.<PaymentClaim>empty();
                            }
                        }
                        throw unavailable(reservationId, "answered " + status, null);
                    });
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof SocketTimeoutException || e.getCause() instanceof ConnectionRequestTimeoutException) {
                // No answer (or no free connection) within the claim's time.
                TimeoutException timeout = new TimeoutException(e.getCause().getMessage());
                timeout.initCause(e);
                throw timeout;
            }
            throw unavailable(reservationId, "unreachable", e);
        } catch (RestClientException | IllegalArgumentException | NullPointerException e) {
            throw unavailable(reservationId, "broke the contract", e);
        }
    }

    private static ReservationServiceBusy busy(UUID reservationId, String why, Throwable cause) {
        log.info("reservation_service_busy reservationId={} reason=\"{}\"", reservationId, why);
        return new ReservationServiceBusy("reservation-service " + why, cause);
    }

    private static ReservationServiceUnavailable unavailable(UUID reservationId, String why, Throwable cause) {
        log.warn("reservation_service_unavailable reservationId={} reason=\"{}\"", reservationId, why);
        return new ReservationServiceUnavailable("reservation-service " + why, cause);
    }

    record ClaimRequest(UUID userId, UUID concertId) {
    }

    /** The fields of the internal API's answer that a payment needs; the others are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClaimAnswer(UUID reservationId, UUID userId, UUID concertId, UUID tokenId, Long price,
                       ReservationStatus status, Instant expiresAt, boolean claimed) {

        PaymentClaim toClaim() {
            return new PaymentClaim(new Reservation(reservationId, userId, concertId, tokenId, price, status,
                    expiresAt), claimed);
        }
    }

    /** Only a problem with the contract's code means "no such reservation"; any other 404 is a broken contract. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemAnswer(String code) {
    }
}
