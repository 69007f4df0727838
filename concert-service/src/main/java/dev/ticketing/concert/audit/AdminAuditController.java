package dev.ticketing.concert.audit;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.ErrorResponseException;

import dev.ticketing.audit.AuditFacts;
import dev.ticketing.audit.AuditFacts.QueueFacts;
import dev.ticketing.audit.AuditReport;
import dev.ticketing.audit.AuditRules;
import dev.ticketing.audit.AuditUnavailable;
import dev.ticketing.audit.Judgement;
import dev.ticketing.audit.StoreFacts;
import dev.ticketing.audit.web.StoreFactsController;
import dev.ticketing.web.Problems;
import dev.ticketing.web.client.RestClientTarget;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /api/v1/admin/audit}: the consistency audit of {@code ./stack audit} (DESIGN.md section 6) on a live
 * system, through the gateway, behind the admin key. Each service serves the facts of its own store
 * ({@code GET /internal/v1/audit/facts}); this reads them in the order the rules need (this service's seats first,
 * then reservations, then payments, then the queue) and judges them. Read-only. An unreachable schema fails the
 * audit (503); an unreachable queue only leaves the queue unchecked, which the answer says.
 */
@RestController
class AdminAuditController {

    static final long MAX_SETTLE_SECONDS = 3600;
    private static final Logger log = LoggerFactory.getLogger(AdminAuditController.class);
    private static final String RESERVATION_SERVICE = "reservation-service";
    private static final String PAYMENT_SERVICE = "payment-service";
    private static final String QUEUE_SERVICE = "queue-service";

    private final DataSource dataSource;
    private final RestClient reservationService;
    private final RestClient paymentService;
    private final RestClient queueService;
    private final Clock clock;

    AdminAuditController(DataSource dataSource, AuditProperties properties, Clock clock,
                         RestClient.Builder restClients, BlockingLoadBalancerInterceptor balancer) {
        this.dataSource = dataSource;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(properties.timeout());
        // Boot's builder, one client per service: http.client.requests per client.name, and trace propagation.
        RestClient.Builder http = restClients.clone().requestFactory(requests).requestInterceptor(balancer);
        this.reservationService = client(http, RESERVATION_SERVICE);
        this.paymentService = client(http, PAYMENT_SERVICE);
        this.queueService = client(http, QUEUE_SERVICE);
    }

    @Operation(summary = "Audit seats, reservations, payments, balances, queue tokens and outboxes across the services")
    @GetMapping("/api/v1/admin/audit")
    AuditReportView audit(@RequestParam(name = "settleSeconds", defaultValue = "5") String settleSeconds) {
        Judgement judgement = new Judgement(clock.instant(), Duration.ofSeconds(settle(settleSeconds)));
        StoreFacts.Concert concert = StoreFacts.concert(DataSourceUtils.getConnection(dataSource));
        StoreFacts.Reservation reservation = fetch(reservationService, RESERVATION_SERVICE,
                StoreFacts.Reservation.class);
        StoreFacts.Payment payment = fetch(paymentService, PAYMENT_SERVICE, StoreFacts.Payment.class);
        Optional<QueueFacts> queue = Optional.empty();
        Optional<String> queueSkipped = Optional.empty();
        try {
            queue = Optional.of(fetch(queueService, QUEUE_SERVICE, QueueFacts.class));
        } catch (AuditUnavailable e) {
            queueSkipped = Optional.of(e.getMessage());
        }
        AuditReport report = AuditRules.judge(AuditFacts.of(concert, reservation, payment, queue), judgement, queueSkipped);
        if (report.clean()) {
            log.info("audit=clean summary=\"{}\"", report.summary());
        } else {
            log.warn("audit=discrepancies count={} summary=\"{}\"", report.discrepancies().size(), report.summary());
            report.discrepancies().forEach(d -> log.warn("audit_discrepancy kind={} {}", d.kind(), d.line()));
        }
        return AuditReportView.of(report);
    }

    @ExceptionHandler(AuditUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(AuditUnavailable e) {
        log.warn("audit=unavailable reason=\"{}\"", e.getMessage());
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "AUDIT_UNAVAILABLE",
                "The audit could not read every store: " + e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }

    private static RestClient client(RestClient.Builder http, String service) {
        return http.clone().baseUrl("http://" + service).observationConvention(new RestClientTarget(service)).build();
    }

    private <T> T fetch(RestClient http, String service, Class<T> type) {
        try {
            T facts = http.get().uri(StoreFactsController.PATH).retrieve().body(type);
            if (facts == null) {
                throw new AuditUnavailable("No audit facts from " + service, null);
            }
            return facts;
        } catch (RestClientException e) {
            throw new AuditUnavailable("Cannot read the audit facts of " + service + ": " + e.getMessage(), e);
        }
    }

    private static long settle(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("settleSeconds must be a whole number of seconds, not '" + text + "'");
        }
        if (seconds < 0 || seconds > MAX_SETTLE_SECONDS) {
            throw invalid("settleSeconds must be between 0 and " + MAX_SETTLE_SECONDS);
        }
        return seconds;
    }

    private static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, detail), null);
    }
}
