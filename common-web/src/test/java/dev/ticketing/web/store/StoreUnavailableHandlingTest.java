package dev.ticketing.web.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ticketing.web.Problems;

class StoreUnavailableHandlingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingStore())
            .setControllerAdvice(new CatchAll(), new StoreUnavailableHandling(meters))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"connection", "transaction", "rollback", "commit", "recoverable", "rollback-on-closed",
            "commit-lost", "closed"})
    void anUnreachableDatabaseIsServiceUnavailableWithRetryAfterNotAnInternalError(String failure) throws Exception {
        mvc.perform(get("/api/v1/things/" + failure))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("jdbc"))));
    }

    @Test
    void aPoolWhoseConnectionsAreAllBusyShedsTheRequestAsOverloadNotAsAnOutage() throws Exception {
        mvc.perform(get("/api/v1/things/pool-busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(header().string("Ticketing-Shed", "1"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("SERVICE_BUSY"));
        assertThat(meters.counter("ticketing.http.shed").count()).isEqualTo(1);
    }

    @Test
    void aPoolThatCannotConnectIsAnOutageNotASheddingService() throws Exception {
        mvc.perform(get("/api/v1/things/pool-cannot-connect"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(header().doesNotExist("Ticketing-Shed"))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
        assertThat(meters.counter("ticketing.http.shed").count()).isZero();
    }

    @Test
    void anUnclassifiedDataFailureWithoutALostConnectionStaysAGenericInternalError() throws Exception {
        mvc.perform(get("/api/v1/things/mapping"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }

    @Test
    void aFailedRollbackForAnotherReasonThanAClosedConnectionStaysAGenericInternalError() throws Exception {
        mvc.perform(get("/api/v1/things/rollback-refused"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }

    @Test
    void aFailedRollbackAfterAFailureThatWasNotTheDatabaseStaysAGenericInternalError() throws Exception {
        mvc.perform(get("/api/v1/things/rollback-after-bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }

    private static TransactionSystemException rollbackFailedAfter(RuntimeException failure) {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(failure);
        return rollback;
    }

    @RestController
    static class FailingStore {

        @GetMapping("/api/v1/things/{failure}")
        String thing(@PathVariable String failure) {
            throw switch (failure) {
                case "connection" -> new DataAccessResourceFailureException("jdbc:mysql://db:3306 refused");
                case "transaction" -> new CannotCreateTransactionException("jdbc connection unavailable");
                // The database went away mid-transaction and the rollback failed too (seen with MariaDB stopped).
                // JPA's JpaSystemException is such an uncategorized failure.
                case "rollback" -> new UncategorizedDataAccessException("Unable to rollback against JDBC Connection",
                        new SQLRecoverableException("Communications link failure")) { };
                case "commit" -> new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLRecoverableException("Communications link failure"));
                case "recoverable" -> new RecoverableDataAccessException("INSERT INTO outbox; Communications link failure",
                        new SQLRecoverableException("Communications link failure"));
                // What Spring, HikariCP and Connector/J really throw when MariaDB stops while a transaction waits on
                // a lock, runs a query or sits between two statements: the statement fails on the lost link, the
                // pool closes the connection, the rollback fails on it, and the rollback's failure is thrown.
                case "rollback-on-closed" -> rollbackFailedAfter(new RecoverableDataAccessException(
                        "StatementCallback; SQL [SELECT ... FOR UPDATE]; Communications link failure",
                        new SQLRecoverableException("Communications link failure", "08S01")));
                // The same when the link is lost at the commit (MariaDB stopped, or the connection killed, after the
                // last statement): Spring rolls back after the failed commit, the rollback fails on the connection
                // HikariCP has closed, and only the rollback's failure is thrown, with no application exception.
                case "commit-lost" -> new TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"));
                case "rollback-refused" -> new TransactionSystemException("JDBC rollback failed",
                        new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));
                case "closed" -> new UncategorizedDataAccessException("INSERT INTO outbox",
                        new SQLException("No operations allowed after connection closed.", "08003")) { };
                // HikariCP's timeout: without a cause while the connections it has work but are all in use, with the
                // last failure to connect as its cause while the database cannot be reached.
                case "pool-busy" -> new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed "
                                + "out after 3000ms (total=10, active=10, idle=0, waiting=4)"));
                case "pool-cannot-connect" -> new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed "
                                + "out after 3000ms (total=0, active=0, idle=0, waiting=0)", "08S01",
                                new SQLRecoverableException("Communications link failure", "08S01")));
                case "rollback-after-bug" -> rollbackFailedAfter(new IllegalStateException("a mapping bug"));
                default -> new UncategorizedDataAccessException("a mapping bug", new IllegalStateException("no")) { };
            };
        }
    }

    /** A service's own advice with a catch-all, as every service has: the store handling must come first. */
    @RestControllerAdvice
    static class CatchAll {

        @ExceptionHandler(Exception.class)
        ResponseEntity<ProblemDetail> any(Exception e) {
            return ResponseEntity.internalServerError().body(Problems.unexpected());
        }
    }
}
