package dev.ticketing.web.store;

import java.net.SocketException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ticketing.web.Problems;
import dev.ticketing.web.load.ShedRequests;
import dev.ticketing.web.logging.RepeatedFailures;

/**
 * A database that cannot be reached (down, failing over, no connection within the pool's timeout) is a 503
 * SERVICE_UNAVAILABLE with {@code Retry-After}, not a 500: the request changed nothing and may be sent again.
 * So is a connection lost in the middle of a request (the database stopped between two statements or at the commit,
 * and even the rollback failed): the server rolls back a transaction whose connection dies before its commit, a
 * commit whose answer was lost may have landed, and the documented clients send an {@code Idempotency-Key} with
 * every charge and payment, stored in the transaction it answers, so sending it again is safe and tells the outcome.
 * Ahead of each service's own advice, whose catch-all would otherwise answer 500. A pool whose every connection is
 * busy with a reachable database is overload, not an outage: that request is shed as the in-flight limit sheds (503
 * SERVICE_BUSY, {@code Retry-After: 1}, {@code Ticketing-Shed}, counted in {@code ticketing.http.shed}), so the
 * gateway does not count it as the service failing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreUnavailableHandling {

    static final String RETRY_AFTER_SECONDS = "5";

    static final String RETRY_AFTER_BUSY_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableHandling.class);

    private final Counter shed;

    /** An outage fails every request alike: one line per kind every 10 s, with the count of those not logged. */
    private final RepeatedFailures repeated = new RepeatedFailures();

    @Autowired
    public StoreUnavailableHandling(ObjectProvider<MeterRegistry> meters) {
        this(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    StoreUnavailableHandling(MeterRegistry meters) {
        this.shed = meters.counter(ShedRequests.SHED_METER);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        if (poolBusy(e)) {
            // Overload, not an outage: every connection is at work for other requests.
            shed.increment();
            String cause = e.getClass().getSimpleName();
            repeated.toLog("store_busy " + cause).ifPresent(unlogged ->
                    log.info("store_busy cause=\"{}\" unlogged={}", cause, unlogged));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", RETRY_AFTER_BUSY_SECONDS)
                    .header(ShedRequests.SHED_HEADER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY", "The service is busy and "
                            + "did nothing with this request. Please retry after " + RETRY_AFTER_BUSY_SECONDS + " s."));
        }
        String cause = e.getClass().getSimpleName();
        repeated.toLog("store_unavailable " + cause).ifPresent(unlogged ->
                log.warn("store_unavailable cause=\"{}\" unlogged={}", cause, unlogged));
        return unavailable("The service cannot reach its database for a moment; nothing was changed. Please retry.");
    }

    /**
     * Failures Spring could not classify (a failed rollback, a failed commit, an exception the JPA provider wraps):
     * 503 when a lost connection is behind them, otherwise the generic 500 the service's catch-all would give.
     */
    @ExceptionHandler({RecoverableDataAccessException.class, TransientDataAccessResourceException.class,
            UncategorizedDataAccessException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> lostMidRequest(RuntimeException e) {
        if (!lostConnection(e)) {
            log.error("request_failed cause=\"{}\"", e.getClass().getSimpleName(), e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.unexpected());
        }
        String cause = e.getClass().getSimpleName();
        repeated.toLog("store_lost_mid_request " + cause).ifPresent(unlogged ->
                log.warn("store_lost_mid_request cause=\"{}\" unlogged={}", cause, unlogged));
        return unavailable("The service lost its database while handling this request. Please retry; a charge or "
                + "payment sent again with the same Idempotency-Key is applied at most once and answers its outcome.");
    }

    /**
     * A connection to the database failed somewhere down the cause chain. A failed rollback hides the failure that
     * caused it: when the database stops in the middle of a transaction, the statement fails on the lost link, then
     * the pool has already closed that connection and the rollback fails with a bare "Connection is closed"; Spring
     * throws the rollback's {@link TransactionSystemException} and keeps the statement's failure as its application
     * exception, so that one is looked at too. When it was the commit that failed, Spring keeps nothing of it: the
     * closed connection under the failed rollback tells ({@link #closedByThePool}).
     */
    static boolean lostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLRecoverableException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SocketException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLException sql && isConnectionException(sql.getSQLState())
                    // Connector/J's unchecked twin of CommunicationsException (an SQLRecoverableException).
                    || cause.getClass().getSimpleName().endsWith("CommunicationsException")) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure && lostConnection(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() == null
                    && closedByThePool(rollback.getCause())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rollback of a transaction whose commit was lost with its connection: the commit fails on the lost link,
     * HikariCP closes a connection that failed so, and Spring's rollback after the failed commit meets HikariCP's
     * bare "Connection is closed" (no SQLSTATE) and is thrown instead of the commit's failure, which it only logs
     * ("Commit exception overridden by rollback exception"). Nothing else closes a connection under a transaction.
     * Every service's {@link LostConnectionTransactionManager} skips that rollback, so the commit's own failure
     * arrives instead; this stays for a service or test that brings another transaction manager.
     */
    private static boolean closedByThePool(Throwable rollbackFailure) {
        return rollbackFailure instanceof SQLException closed && closed.getSQLState() == null
                && String.valueOf(closed.getMessage()).endsWith("Connection is closed");
    }

    /**
     * The connection pool timed out while the database is reachable: HikariCP's timeout names the last failure to
     * connect as its cause, and has none while every connection it made still works but is busy.
     */
    static boolean poolBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null && timeout.getNextException() == null
                        && String.valueOf(timeout.getMessage()).contains("Connection is not available");
            }
        }
        return false;
    }

    /** SQLSTATE class 08 is "connection exception" in the SQL standard (08S01: communication link failure). */
    private static boolean isConnectionException(String sqlState) {
        return sqlState != null && sqlState.startsWith("08");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", detail));
    }
}
